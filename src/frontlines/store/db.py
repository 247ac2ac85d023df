"""Thin connection wrappers so the store writes one SQL text (``?`` placeholders) for both backends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .schema import MIGRATIONS

DEFAULT_PATH = "frontlines.db"

Row = tuple[Any, ...]


class Database:
    """A connection with ``execute``/``query``/``transaction`` and the dialect name."""

    dialect: str = ""
    _depth: int = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        yield from self.query(sql, params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction; nested calls join the outer one so add() can run inside add_many()'s batch."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outer_transaction():
                yield
        finally:
            self._depth = 0

    def _outer_transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction; return the schema version."""
        with self.transaction():
            self.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT)")
        current = self.query("SELECT max(version) FROM schema_version")[0][0] or 0
        for migration in MIGRATIONS:
            if migration.version <= current:
                continue
            try:
                with self.transaction():
                    for statement in migration.statements(self.dialect):
                        self.execute(statement)
                    self.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)",
                                 (migration.version, migration.name))
            except Exception as exc:
                raise StoreError(f"migration {migration.version} ({migration.name}) failed: {exc}") from exc
            current = migration.version
        return current


class SQLiteDatabase(Database):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {path}: {exc}") from exc
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        yield from self.conn.execute(sql, tuple(params))

    @contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise StoreError("psycopg is not installed") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
        self._depth = 0

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(self._sql(sql), tuple(params))  # type: ignore[arg-type]

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), [tuple(r) for r in rows])  # type: ignore[arg-type]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.conn.execute(self._sql(sql), tuple(params)).fetchall()  # type: ignore[arg-type]

    def _outer_transaction(self) -> AbstractContextManager[None]:
        return self.conn.transaction()  # type: ignore[return-value]

    def close(self) -> None:
        self.conn.close()


def connect(url: str | None) -> Database:
    """``None`` -> ./frontlines.db; ``sqlite:///path``, a plain path, or ``postgresql://...``."""
    if url is None or url == "":
        return SQLiteDatabase(DEFAULT_PATH)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url)
    if url.startswith("sqlite://"):
        path = url[len("sqlite://"):]
        path = path[1:] if path.startswith("/") else path  # sqlite:///rel.db -> rel.db, sqlite:////abs -> /abs
        return SQLiteDatabase(path or ":memory:")
    if "://" in url:
        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://...")
    return SQLiteDatabase(url)
