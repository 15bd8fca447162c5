"""`python -m ui`: the same as the installed `newsroom` command."""
from ui.launcher import entry

if __name__ == "__main__":
    entry()
