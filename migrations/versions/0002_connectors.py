"""connectors: channel options, cursor and health; the reply outbox; set-aside payloads

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 12:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
_INSTANT = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: a batch (copy-and-move) rebuild of a
    # table that others reference fails with SQLite's foreign keys on.
    for column in (
        sa.Column('options', sa.Text(), nullable=True),
        sa.Column('enabled', sa.Boolean(), server_default=sa.text('true'), nullable=False),
        sa.Column('cursor', sa.Text(), nullable=True),
        sa.Column('health', sa.String(length=20), server_default='ok', nullable=False),
        sa.Column('health_reason', sa.Text(), nullable=True),
        sa.Column('retry_at', _INSTANT, nullable=True),
        sa.Column('last_poll_at', _INSTANT, nullable=True),
        sa.Column('last_item_at', _INSTANT, nullable=True),
    ):
        op.add_column('channels', column)
    for column in (
        sa.Column('client_key', sa.String(length=64), nullable=True),
        sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
        sa.Column('next_attempt_at', _INSTANT, nullable=True),
        sa.Column('queued_at', _INSTANT, nullable=True),
        sa.Column('sent_at', _INSTANT, nullable=True),
        sa.Column('external_id', sa.String(length=512), nullable=True),
    ):
        op.add_column('replies', column)
    op.create_index('ix_replies_client_key', 'replies', ['client_key'], unique=True)
    op.create_index('ix_replies_outbox', 'replies', ['channel_id', 'id'], unique=False,
                    sqlite_where=sa.text("state IN ('queued', 'sending')"),
                    postgresql_where=sa.text("state IN ('queued', 'sending')"))
    op.create_table('set_aside',
    sa.Column('id', _ID, nullable=False),
    sa.Column('channel_id', _ID, nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('external_id', sa.String(length=512), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', _INSTANT, nullable=False),
    sa.Column('dismissed_at', _INSTANT, nullable=True),
    sa.ForeignKeyConstraint(['channel_id'], ['channels.id'], name=op.f('fk_set_aside_channel_id_channels')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_set_aside'))
    )
    op.create_index('ix_set_aside_channel_id', 'set_aside', ['channel_id', 'id'], unique=False)




def downgrade() -> None:
    op.drop_index('ix_set_aside_channel_id', table_name='set_aside')
    op.drop_table('set_aside')
    op.drop_index('ix_replies_outbox', table_name='replies')
    op.drop_index('ix_replies_client_key', table_name='replies')
    for name in ('external_id', 'sent_at', 'queued_at', 'next_attempt_at', 'attempts', 'client_key'):
        op.drop_column('replies', name)
    for name in ('last_item_at', 'last_poll_at', 'retry_at', 'health_reason', 'health', 'cursor', 'enabled', 'options'):
        op.drop_column('channels', name)
