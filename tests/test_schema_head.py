"""The revisions the app knows without importing Alembic are the ones Alembic ships."""
from alembic.script import ScriptDirectory

from newsroom.db import migrate


def test_known_revisions_match_the_migration_scripts():
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.HEAD == script.get_current_head()
    assert migrate.KNOWN == {rev.revision for rev in script.walk_revisions()}
