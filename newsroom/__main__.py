from newsroom.cli.main import entry

# Guarded: the importer starts parser processes that import the main module.
if __name__ == "__main__":
    entry()
