"""Running totals over checked files: what every report ends with, and the exit status."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.models import Berkas

TANPA_PEMDA = "(pemda tidak dikenali)"
TANPA_PEMDA_EN = "(pemda not identified)"


def urut_pemda(names) -> list[str]:
    """Pemda names in order, the unidentified one last."""
    return sorted(names, key=lambda p: (p.startswith("("), p))


def nama_pemda(b: Berkas, lang: str = "id") -> str:
    """The pemda a file is counted under in the recaps."""
    return str(b.identitas.get("pemda") or (TANPA_PEMDA if lang == "id" else TANPA_PEMDA_EN))


@dataclass
class Totals:
    """Running totals over the checked files of one report: what it ends with, and the exit status."""

    files: int = 0
    unreadable: int = 0
    error: int = 0
    warning: int = 0
    info: int = 0
    silenced: int = 0
    diklaim: int = 0  # findings a submission's own Pengecualian sheet claims exempt (not honoured)
    dari_cache: int = 0  # results taken from the result cache (unchanged files)
    per_rule: dict[str, int] = field(default_factory=dict)
    per_pemda: dict[str, int] = field(default_factory=dict)  # findings per pemda
    per_rule_pemda: dict[tuple[str, str], int] = field(default_factory=dict)
    putaran: dict[str, int] | None = None  # with --baseline: baru / masih ada / selesai
    lang: str = "id"

    def tambah(self, b: Berkas) -> None:
        self.files += 1
        if b.status == "unreadable":
            self.unreadable += 1
        pemda = nama_pemda(b, self.lang)
        self.per_pemda.setdefault(pemda, 0)
        for t in b.findings:
            setattr(self, t.severity, getattr(self, t.severity) + 1)
            self.per_rule[t.rule] = self.per_rule.get(t.rule, 0) + 1
            self.per_pemda[pemda] += 1
            self.per_rule_pemda[(t.rule, pemda)] = self.per_rule_pemda.get((t.rule, pemda), 0) + 1
            if self.putaran is not None:
                s = str(t.status or "baru")
                self.putaran[s] = self.putaran.get(s, 0) + 1
        if self.putaran is not None:
            self.putaran["selesai"] = self.putaran.get("selesai", 0) + len(b.selesai)
        self.silenced += len(b.silenced)
        self.diklaim += sum(1 for t in b.findings if t.dikecualikan_kiriman)
        self.dari_cache += b.dari_cache

    @classmethod
    def untuk(cls, lang: str = "id", putaran: bool = False) -> Totals:
        """Totals for a report in ``lang``; with ``putaran`` (--baseline) the round is counted too."""
        return cls(lang=lang, putaran={"baru": 0, "masih ada": 0, "selesai": 0} if putaran else None)

    def json(self) -> dict[str, int]:
        d = {"files": self.files, "unreadable": self.unreadable, "error": self.error,
             "warning": self.warning, "info": self.info, "silenced": self.silenced, "dari_cache": self.dari_cache}
        if self.diklaim:
            d["dikecualikan_kiriman"] = self.diklaim
        if self.putaran is not None:
            d.update({"baru": self.putaran.get("baru", 0), "masih_ada": self.putaran.get("masih ada", 0),
                      "selesai": self.putaran.get("selesai", 0)})
        return d

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

    def kalimat_putaran(self, lang: str = "id") -> str:
        if self.putaran is None:
            return ""
        p = self.putaran
        if lang == "en":
            return (f"Since the previous round: {p.get('baru', 0)} new, {p.get('masih ada', 0)} still open, "
                    f"{p.get('selesai', 0)} resolved")
        return (f"Dibanding putaran sebelumnya: {p.get('baru', 0)} baru, {p.get('masih ada', 0)} masih ada, "
                f"{p.get('selesai', 0)} selesai")

    def kalimat(self, lang: str = "id") -> str:
        if lang == "en":
            s = (f"Summary: {self.files} file{'s' if self.files != 1 else ''} "
                 f"({self.unreadable} unreadable), {self.error} errors, {self.warning} warnings, {self.info} info")
            s += f", {self.silenced} silenced" if self.silenced else ""
            return s + (f", {self.diklaim} claimed exempt by submissions (not honoured)" if self.diklaim else "")
        s = (f"Ringkasan: {self.files} berkas ({self.unreadable} tidak terbaca), {self.error} galat, "
             f"{self.warning} peringatan, {self.info} info")
        s += f", {self.silenced} dikecualikan" if self.silenced else ""
        return s + (f", {self.diklaim} diklaim dikecualikan oleh kiriman (tidak dihormati)" if self.diklaim else "")
