from newsroom.cli.main import entry

entry()
