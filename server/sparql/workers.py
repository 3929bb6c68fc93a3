"""Store processes: a small pool of read-only query workers and a one-shot writer, each killable.

`Store.query` has no time limit and an aggregate computes in full before its first row, so the only way to
really stop a query is to stop the process running it. Readers open the store read-only; a read-only
RocksDB view is a snapshot and must not be open while another process writes, so a write first takes every
reader out of the pool, runs in a fresh read-write process, and then the readers are started anew.
"""

from __future__ import annotations

import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path

from policykg.server.errors import QueryTimeout, ServerBusy, WorkerFailed
from policykg.server.sparql.jobs import GraphJob, QueryJob, Reply, UpdateJob

STARTUP_LIMIT = 60.0  # seconds a fresh process may take to import pyoxigraph and open the store


def serve_jobs(connection: Connection, store_dir: str, writable: bool) -> None:
    """Worker process main: open the store, say ready, answer jobs until told to stop or the pipe closes."""
    import pyoxigraph as ox

    from policykg.server.sparql.jobs import execute

    try:
        store = ox.Store(store_dir) if writable else ox.Store.read_only(store_dir)
    except OSError as error:
        connection.send(Reply("error", error="store", message=f"cannot open the store at {store_dir}: {error}"))
        return
    connection.send(Reply("ready"))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            del store
            connection.send(Reply("done"))
            return
        connection.send(execute(store, job))


class Worker:
    """One store process and the pipe to it."""

    def __init__(self, store_dir: str, writable: bool = False):
        # A plain subprocess (not multiprocessing): nothing re-imports the caller's __main__, and its own
        # session keeps a Ctrl+C in the terminal from reaching it; it exits when its end of the socket closes.
        ours, theirs = socket.socketpair()
        mode = "rw" if writable else "ro"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "policykg.server.sparql.workers", str(theirs.fileno()), store_dir, mode],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        theirs.close()
        self._connection = Connection(ours.detach())
        self.ready = False

    def run(self, job: QueryJob | UpdateJob | GraphJob, timeout: float) -> Reply:
        """Send a job and wait at most `timeout` seconds of its running time; kill the process on overrun."""
        self._await_ready()
        self._connection.send(job)
        if not self._connection.poll(timeout):
            self.kill()
            raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")
        return self._receive()

    def _await_ready(self) -> None:
        if self.ready:
            return
        if not self._connection.poll(STARTUP_LIMIT):
            self.kill()
            raise WorkerFailed("a store process did not start in time")
        reply = self._receive()
        if reply.kind != "ready":
            self.kill()
            raise WorkerFailed(reply.message or "a store process failed to start")
        self.ready = True

    def _receive(self) -> Reply:
        try:
            return self._connection.recv()
        except (EOFError, OSError) as error:
            self.kill()
            raise WorkerFailed(f"a store process died (exit code {self.process.poll()})") from error

    def stop(self) -> None:
        """Close the store cleanly (so its files are released), killing the process if it will not stop."""
        if self.process.poll() is None and not self._connection.closed:
            try:
                self._connection.send(None)
                if self._connection.poll(10):
                    self._connection.recv()
                self.process.wait(10)
            except (EOFError, OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def kill(self) -> None:
        """Stop the process now, whatever it is doing."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        if not self._connection.closed:
            self._connection.close()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None and not self._connection.closed


class WorkerPool:
    """A fixed number of read-only workers handed out one job at a time, plus exclusive access for writes."""

    def __init__(self, store_dir: str | Path, size: int = 2, wait_limit: float = 30.0):
        self.store_dir = str(store_dir)
        self.size = size
        self.wait_limit = wait_limit  # seconds a request waits for a free worker before "busy"
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._started = False
        self._start_lock = threading.Lock()
        self._write_lock = threading.Lock()

    def start(self) -> None:
        """Spawn the readers (idempotent); they get ready in the background."""
        with self._start_lock:
            if not self._started:
                for _ in range(self.size):
                    self._idle.put(Worker(self.store_dir))
                self._started = True

    def run(self, job: QueryJob | GraphJob, timeout: float) -> Reply:
        """Run a read job on a free reader; a reader that overran or died is replaced before the error is raised."""
        self.start()
        worker = self._take(self.wait_limit)
        try:
            return worker.run(job, timeout)
        finally:
            self._idle.put(worker if worker.alive else Worker(self.store_dir))

    def write(self, job: UpdateJob | GraphJob, timeout: float) -> Reply:
        """Run a write alone: drain and stop every reader, write in a fresh read-write process, restart readers."""
        self.start()
        with self._write_lock, self._exclusive():
            writer = Worker(self.store_dir, writable=True)
            try:
                return writer.run(job, timeout)
            finally:
                writer.stop()

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        taken: list[Worker] = []
        try:
            for _ in range(self.size):
                taken.append(self._take(self.wait_limit))
        except ServerBusy:
            for worker in taken:
                self._idle.put(worker)
            raise
        for worker in taken:
            worker.stop()
        try:
            yield
        finally:
            for _ in taken:
                self._idle.put(Worker(self.store_dir))

    def _take(self, wait: float) -> Worker:
        try:
            return self._idle.get(timeout=wait)
        except queue.Empty:
            raise ServerBusy(f"every query worker stayed busy for {wait:g} s; try again shortly") from None

    def close(self) -> None:
        """Stop every reader that is idle now (busy ones are daemons and die with the server)."""
        with self._start_lock:
            while True:
                try:
                    self._idle.get_nowait().stop()
                except queue.Empty:
                    break
            self._started = False


if __name__ == "__main__":
    serve_jobs(Connection(int(sys.argv[1])), sys.argv[2], writable=sys.argv[3] == "rw")
