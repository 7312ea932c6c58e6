"""Read the messages the app delivered to its outbox directory."""

import email
import re
from email import policy
from pathlib import Path

LINK = re.compile(r"https?://[^\s<>\"']+")


class Message:
    def __init__(self, raw):
        self.msg = email.message_from_bytes(raw, policy=policy.default)

    @property
    def to(self):
        return self.msg["To"]

    @property
    def subject(self):
        return self.msg["Subject"]

    def header(self, name):
        return self.msg[name]

    @property
    def text(self):
        return self.msg.get_body(("plain",)).get_content()

    @property
    def html(self):
        return self.msg.get_body(("html",)).get_content()

    def links(self, containing=""):
        return [url for url in LINK.findall(self.text) if containing in url]

    def link(self, containing):
        found = self.links(containing)
        assert found, f"no link containing {containing!r} in:\n{self.text}"
        return found[0]


class Outbox:
    def __init__(self, directory: Path, run_jobs):
        self.directory = directory
        self.run_jobs = run_jobs

    def messages(self, to=None):
        """Every delivered message, oldest first, after running queued work."""
        self.run_jobs()
        if not self.directory.exists():
            return []
        found = [Message(p.read_bytes()) for p in sorted(self.directory.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)]
        return [m for m in found if to is None or m.to == to]

    def last(self, to=None):
        found = self.messages(to)
        assert found, f"no email delivered{' to ' + to if to else ''}"
        return found[-1]
