"""Running totals over checked files: what every report ends with, and the exit status."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.models import Berkas


@dataclass
class Ringkasan:
    files: int = 0
    unreadable: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    silenced: int = 0
    per_rule: dict[str, int] = field(default_factory=dict)

    def tambah(self, b: Berkas) -> None:
        self.files += 1
        if b.status == "unreadable":
            self.unreadable += 1
        for t in b.findings:
            setattr(self, t.severity, getattr(self, t.severity) + 1)
            self.per_rule[t.rule] = self.per_rule.get(t.rule, 0) + 1
        self.silenced += len(b.silenced)

    def json(self) -> dict[str, int]:
        return {"files": self.files, "unreadable": self.unreadable, "error": self.error,
                "warning": self.warning, "info": self.info, "silenced": self.silenced}

    @property
    def exit_code(self) -> int:
        return 1 if self.error else 0

    def per_aturan(self, lang: str = "id", n: int = 8) -> str:
        """The most frequent rules, e.g. 'T002 53 · S002 42 · A009 28'."""
        top = sorted(self.per_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        if not top:
            return ""
        head = "Per aturan" if lang == "id" else "By rule"
        more = " · …" if len(self.per_rule) > n else ""
        return f"{head}: " + " · ".join(f"{k} {v}" for k, v in top) + more

    def kalimat(self, lang: str = "id") -> str:
        if lang == "en":
            s = (f"Summary: {self.files} file{'s' if self.files != 1 else ''} "
                 f"({self.unreadable} unreadable), {self.error} errors, {self.warning} warnings, {self.info} info")
            return s + (f", {self.silenced} silenced" if self.silenced else "")
        s = (f"Ringkasan: {self.files} berkas ({self.unreadable} tidak terbaca), {self.error} galat, "
             f"{self.warning} peringatan, {self.info} info")
        return s + (f", {self.silenced} dikecualikan" if self.silenced else "")
