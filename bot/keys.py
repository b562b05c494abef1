"""`liaison rotate-key`: re-encrypt every stored value under the newest data key, in batches, safely repeatable."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import LargeBinary, Table, select, update

from core.audit import AuditCode, record_audit
from core.crypto import DecryptionError
from core.models import Base
from core.services import Services

Context = Callable[[Mapping[str, Any]], str]

# Every encrypted column and the associated data it was sealed with (see the code that writes each one).
# A column missing here is still checked after rotation, and reported, so an old key is never dropped blindly.
KNOWN_COLUMNS: dict[tuple[str, str], Context] = {
    ("messages", "body_enc"): lambda row: f"conversation:{row['conversation_id']}",
    ("channel_identities", "reply_address_enc"): lambda row: f"identity:{row['channel']}",
    ("outbox", "payload_enc"): lambda row: f"outbox:{row['conversation_id']}",
    ("staff", "totp_secret_enc"): lambda row: f"totp:{row['id']}",
    ("escalations", "reason_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("escalations", "summary_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("sharing_records", "necessity_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("sharing_records", "proportionality_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("sharing_records", "consent_reason_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("break_approvals", "reason_enc"): lambda row: f"escalation:{row['conversation_id']}",
    ("handover_packets", "content_enc"): lambda row: f"packet:{row['conversation_id']}",
}


@dataclass
class RotationReport:
    key_id: str
    rotated: dict[str, int] = field(default_factory=dict)
    # table.column -> how many values still use an older key after the run (unknown columns, concurrent writes)
    remaining: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not any(self.remaining.values())


def encrypted_columns() -> list[tuple[Table, str]]:
    """Every `*_enc` binary column in the schema, whoever added it."""
    return [
        (table, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.c
        if column.name.endswith("_enc") and isinstance(column.type, LargeBinary)
    ]


async def rotate_data_key(services: Services, *, batch_size: int = 500) -> RotationReport:
    """Re-encrypt what uses an older key; one short transaction per batch, so the service keeps running."""
    report = RotationReport(key_id=services.cipher.current_key_id)
    for table, column in encrypted_columns():
        context = KNOWN_COLUMNS.get((table.name, column))
        if context is not None:
            report.rotated[f"{table.name}.{column}"] = await _rotate_column(
                services, table, column, context, batch_size
            )
    for table, column in encrypted_columns():
        report.remaining[f"{table.name}.{column}"] = await _count_old(services, table, column, batch_size)
    async with services.sessionmaker() as session, session.begin():
        record_audit(
            session,
            AuditCode.KEY_ROTATED,
            data={"key_id": report.key_id, "count": sum(report.rotated.values())},
        )
    return report


async def _rotate_column(services: Services, table: Table, column: str, context: Context, batch_size: int) -> int:
    cipher = services.cipher
    key = table.c[column]
    (primary,) = table.primary_key.columns
    rotated, after = 0, None
    while True:
        async with services.sessionmaker() as session, session.begin():
            query = select(table).where(key.is_not(None)).order_by(primary).limit(batch_size)
            if after is not None:
                query = query.where(primary > after)
            rows = [dict(row._mapping) for row in await session.execute(query)]
            for row in rows:
                token = bytes(row[column])
                if cipher.is_current(token):
                    continue
                try:
                    fresh = cipher.reencrypt(token, context=context(row))
                except DecryptionError:
                    continue  # counted as remaining below, so the old key is not dropped while it is needed
                # Compare-and-set: a value rewritten meanwhile (a delivery, an erasure) is left as it now is.
                result = await session.execute(
                    update(table).where(primary == row[primary.name], key == token).values({column: fresh})
                )
                rotated += int(result.rowcount or 0)  # type: ignore[attr-defined]
        if len(rows) < batch_size:
            return rotated
        after = rows[-1][primary.name]


async def _count_old(services: Services, table: Table, column: str, batch_size: int) -> int:
    key = table.c[column]
    (primary,) = table.primary_key.columns
    old, after = 0, None
    async with services.sessionmaker() as session:
        while True:
            query = select(primary, key).where(key.is_not(None)).order_by(primary).limit(batch_size)
            if after is not None:
                query = query.where(primary > after)
            rows = (await session.execute(query)).all()
            old += sum(1 for row in rows if not services.cipher.is_current(bytes(row[1])))
            if len(rows) < batch_size:
                return old
            after = rows[-1][0]
