"""initial schema: channels, cases, messages, people, audit, search and live counts

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 09:21:30.029016
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


_LIVE = "merged_into_id IS NULL"
_OPEN = _LIVE + " AND status IN ('handed_off', 'new', 'open', 'waiting_on_citizen')"
_ROUTED = " AND department_id IS NOT NULL"
_ASSIGNED = " AND assignee_id IS NOT NULL"
# Inbox queues as partial indexes over live (not merged) cases and over open
# work; queries repeat these exact terms (newsroom.model.LIVE / OPEN_WORK).
_CASE_INDEXES = [
    ("ix_cases_queue", ["status", "due_at", "created_at", "id"], _LIVE),
    ("ix_cases_queue_all", ["due_at", "created_at", "id"], _LIVE),
    ("ix_cases_department_queue", ["department_id", "status", "due_at", "created_at", "id"], _LIVE + _ROUTED),
    ("ix_cases_assignee_queue", ["assignee_id", "status", "due_at", "created_at", "id"], _LIVE + _ASSIGNED),
    ("ix_cases_channel_queue", ["channel_id", "due_at", "created_at", "id"], _LIVE),
    ("ix_cases_open_queue", ["due_at", "created_at", "id"], _OPEN),
    ("ix_cases_open_department_queue", ["department_id", "due_at", "created_at", "id"], _OPEN + _ROUTED),
    ("ix_cases_open_assignee_queue", ["assignee_id", "due_at", "created_at", "id"], _OPEN),
    ("ix_cases_recent", ["last_message_at", "id"], _LIVE),
    ("ix_cases_status_recent", ["status", "last_message_at", "id"], _LIVE),
    ("ix_cases_department_recent", ["department_id", "last_message_at", "id"], _LIVE + _ROUTED),
    ("ix_cases_assignee_recent", ["assignee_id", "last_message_at", "id"], _LIVE + _ASSIGNED),
    ("ix_cases_open_recent", ["last_message_at", "id"], _OPEN),
    ("ix_cases_open_department_recent", ["department_id", "last_message_at", "id"], _OPEN + _ROUTED),
    ("ix_cases_open_assignee_recent", ["assignee_id", "last_message_at", "id"], _OPEN),
    ("ix_cases_merged_into_id", ["merged_into_id"], "merged_into_id IS NOT NULL"),
]


def upgrade() -> None:
    _create_tables()
    _create_search_and_counts()


def _create_tables() -> None:
    op.create_table('case_counts',
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('department_id', sa.BigInteger(), nullable=False),
    sa.Column('assignee_id', sa.BigInteger(), nullable=False),
    sa.Column('channel_id', sa.BigInteger(), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('n', sa.BigInteger(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('status', 'department_id', 'assignee_id', 'channel_id', 'priority', name=op.f('pk_case_counts'))
    )
    op.create_table('channels',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('platform', sa.String(length=16), nullable=False),
    sa.Column('account', sa.String(length=320), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("platform IN ('mastodon', 'bluesky', 'email', 'signalen', 'open311', 'facebook', 'instagram', 'whatsapp', 'x', 'other')", name=op.f('ck_channels_platform')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_channels')),
    sa.UniqueConstraint('platform', 'account', name=op.f('uq_channels_platform_account'))
    )
    op.create_table('departments',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_departments')),
    sa.UniqueConstraint('name', name=op.f('uq_departments_name'))
    )
    op.create_table('tags',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('name', name=op.f('uq_tags_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('operator', 'contact_centre', 'department_agent', 'supervisor', 'admin')", name=op.f('ck_users_role')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_users_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('audit',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('actor_name', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('object_type', sa.String(length=20), nullable=False),
    sa.Column('object_id', sa.BigInteger(), nullable=True),
    sa.Column('case_id', sa.BigInteger(), nullable=True),
    sa.Column('result', sa.String(length=10), nullable=False),
    sa.Column('origin', sa.String(length=20), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_actor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_case_id', ['case_id', 'id'], unique=False)

    op.create_table('cases',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('department_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('assignee_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('channel_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('merged_into_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('author_label', sa.String(length=320), nullable=False),
    sa.Column('snippet', sa.String(length=300), nullable=False),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_message_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_inbound_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('next_response_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('first_responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("priority IN ('low', 'normal', 'high', 'urgent')", name=op.f('ck_cases_priority')),
    sa.CheckConstraint("status IN ('new', 'open', 'waiting_on_citizen', 'handed_off', 'resolved', 'closed')", name=op.f('ck_cases_status')),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_cases_assignee_id_users')),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_cases_channel_id_channels')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_cases_department_id_departments')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['cases.id'], name=op.f('fk_cases_merged_into_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        for name, columns, where in _CASE_INDEXES:
            batch_op.create_index(name, columns, unique=False, sqlite_where=sa.text(where), postgresql_where=sa.text(where))

    op.create_table('case_tags',
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('tag_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_tags_case_id_cases')),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_case_tags_tag_id_tags')),
    sa.PrimaryKeyConstraint('case_id', 'tag_id', name=op.f('pk_case_tags'))
    )
    with op.batch_alter_table('case_tags', schema=None) as batch_op:
        batch_op.create_index('ix_case_tags_tag_id', ['tag_id', 'case_id'], unique=False)

    op.create_table('messages',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('external_id', sa.String(length=512), nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('author_id', sa.String(length=320), nullable=True),
    sa.Column('author_handle', sa.String(length=320), nullable=True),
    sa.Column('author_name', sa.String(length=320), nullable=True),
    sa.Column('author_email', sa.String(length=320), nullable=True),
    sa.Column('author_phone', sa.String(length=64), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('in_reply_to', sa.String(length=512), nullable=True),
    sa.Column('thread_id', sa.String(length=512), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('category', sa.String(length=200), nullable=True),
    sa.Column('location', sa.Text(), nullable=True),
    sa.Column('metrics', sa.Text(), nullable=True),
    sa.CheckConstraint("direction IN ('in', 'out')", name=op.f('ck_messages_direction')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_messages_case_id_cases')),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_messages_channel_id_channels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_messages')),
    sa.UniqueConstraint('channel_id', 'external_id', name=op.f('uq_messages_channel_id_external_id'))
    )
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.create_index('ix_messages_case_id', ['case_id', 'received_at'], unique=False)
        batch_op.create_index('ix_messages_thread', ['channel_id', 'thread_id'], unique=False)

    op.create_table('notes',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_notes_author_user_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_notes_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notes'))
    )
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.create_index('ix_notes_case_id', ['case_id'], unique=False)

    op.create_table('message_raw',
    sa.Column('message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_raw_message_id_messages')),
    sa.PrimaryKeyConstraint('message_id', name=op.f('pk_message_raw'))
    )
    op.create_table('replies',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('author_user_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('channel_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('in_reply_to_message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('failure_reason', sa.Text(), nullable=True),
    sa.Column('sent_message_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('draft', 'queued', 'sending', 'sent', 'failed')", name=op.f('ck_replies_state')),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_replies_author_user_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_replies_case_id_cases')),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_replies_channel_id_channels')),
    sa.ForeignKeyConstraint(['in_reply_to_message_id'], ['messages.id'], name=op.f('fk_replies_in_reply_to_message_id_messages')),
    sa.ForeignKeyConstraint(['sent_message_id'], ['messages.id'], name=op.f('fk_replies_sent_message_id_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replies'))
    )
    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.create_index('ix_replies_case_id', ['case_id'], unique=False)



def downgrade() -> None:
    _drop_search_and_counts()
    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.drop_index('ix_replies_case_id')

    op.drop_table('replies')
    op.drop_table('message_raw')
    with op.batch_alter_table('notes', schema=None) as batch_op:
        batch_op.drop_index('ix_notes_case_id')

    op.drop_table('notes')
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index('ix_messages_thread')
        batch_op.drop_index('ix_messages_case_id')

    op.drop_table('messages')
    with op.batch_alter_table('case_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_case_tags_tag_id')

    op.drop_table('case_tags')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        for name, _columns, _where in reversed(_CASE_INDEXES):
            batch_op.drop_index(name)

    op.drop_table('cases')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_case_id')

    op.drop_table('audit')
    op.drop_table('users')
    op.drop_table('tags')
    op.drop_table('departments')
    op.drop_table('channels')
    op.drop_table('case_counts')


# Live case counts (table case_counts) follow every change and delete of a
# case's inbox dimensions through triggers. New cases and new messages are
# counted and indexed set-wise by the code that inserts them
# (newsroom.db.derived): a per-row trigger costs SQLite ten times more than
# one INSERT ... SELECT over the batch. A merged case is a redirect, not a
# case: it is not counted.
_COUNT_KEY = "status, department_id, assignee_id, channel_id, priority"


def _count_values(row: str) -> str:
    return (
        f"{row}.status, COALESCE({row}.department_id, 0), COALESCE({row}.assignee_id, 0), "
        f"{row}.channel_id, {row}.priority"
    )


_SQLITE = [
    # Full-text search over messages; diacritics folded ("cafe" finds "café").
    """CREATE VIRTUAL TABLE message_search USING fts5(
        text, subject, author_name, author_handle,
        content='messages', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER messages_search_delete AFTER DELETE ON messages BEGIN
        INSERT INTO message_search(message_search, rowid, text, subject, author_name, author_handle)
        VALUES ('delete', old.id, old.text, old.subject, old.author_name, old.author_handle);
    END""",
    """CREATE TRIGGER messages_search_update
        AFTER UPDATE OF text, subject, author_name, author_handle ON messages BEGIN
        INSERT INTO message_search(message_search, rowid, text, subject, author_name, author_handle)
        VALUES ('delete', old.id, old.text, old.subject, old.author_name, old.author_handle);
        INSERT INTO message_search(rowid, text, subject, author_name, author_handle)
        VALUES (new.id, new.text, new.subject, new.author_name, new.author_handle);
    END""",
    f"""CREATE TRIGGER cases_count_delete AFTER DELETE ON cases
        WHEN old.merged_into_id IS NULL BEGIN
        UPDATE case_counts SET n = n - 1 WHERE ({_COUNT_KEY}) = ({_count_values("old")});
    END""",
    f"""CREATE TRIGGER cases_count_update
        AFTER UPDATE OF status, department_id, assignee_id, channel_id, priority, merged_into_id ON cases
        BEGIN
        UPDATE case_counts SET n = n - 1
            WHERE old.merged_into_id IS NULL AND ({_COUNT_KEY}) = ({_count_values("old")});
        INSERT INTO case_counts({_COUNT_KEY}, n) SELECT {_count_values("new")}, 1
            WHERE new.merged_into_id IS NULL
        ON CONFLICT({_COUNT_KEY}) DO UPDATE SET n = n + 1;
    END""",
]

_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS cases_count_update",
    "DROP TRIGGER IF EXISTS cases_count_delete",
    "DROP TRIGGER IF EXISTS messages_search_update",
    "DROP TRIGGER IF EXISTS messages_search_delete",
    "DROP TABLE IF EXISTS message_search",
]

_POSTGRESQL = [
    # Dutch stemming; the same expression is used by the search query so
    # that this index serves it.
    """CREATE INDEX ix_messages_search ON messages USING gin (
        to_tsvector('dutch'::regconfig, coalesce(subject, '') || ' ' || text
            || ' ' || coalesce(author_name, '') || ' ' || coalesce(author_handle, '')))""",
    f"""CREATE FUNCTION cases_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.merged_into_id IS NULL THEN
            UPDATE case_counts SET n = n - 1 WHERE ({_COUNT_KEY}) = ({_count_values("OLD")});
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.merged_into_id IS NULL THEN
            INSERT INTO case_counts({_COUNT_KEY}, n) VALUES ({_count_values("NEW")}, 1)
            ON CONFLICT({_COUNT_KEY}) DO UPDATE SET n = case_counts.n + 1;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER cases_count_delete AFTER DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION cases_count()""",
    """CREATE TRIGGER cases_count_update
        AFTER UPDATE OF status, department_id, assignee_id, channel_id, priority, merged_into_id
        ON cases FOR EACH ROW EXECUTE FUNCTION cases_count()""",
]

_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS cases_count_update ON cases",
    "DROP TRIGGER IF EXISTS cases_count_delete ON cases",
    "DROP FUNCTION IF EXISTS cases_count()",
    "DROP INDEX IF EXISTS ix_messages_search",
]


def _create_search_and_counts() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE, "postgresql": _POSTGRESQL}.get(dialect, []):
        op.execute(statement)


def _drop_search_and_counts() -> None:
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRESQL_DROP}.get(dialect, []):
        op.execute(statement)
