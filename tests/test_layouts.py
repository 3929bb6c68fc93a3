"""The parser on layouts it was not tuned on: other encodings, one-line crawls, web pages, 第X条 articles,
database exports with their furniture. Expectations are stated from the texts themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gold_files import CORPUS, gold_files, load_gold
from policykg.build import build_corpus, place_names
from policykg.errors import InputError
from policykg.extract.document import extract_document
from policykg.parse.document import parse_document
from policykg.read import read_source
from policykg.resolve.areas import default_gazetteer

PLACES = place_names(default_gazetteer())
SEED_000 = CORPUS / "000_ec574f4423dbbc58.txt"
SEED_002 = CORPUS / "002_be4913bff1cb3cd8.txt"


def parse_file(path: Path):
    source = read_source(path)
    return source, extract_document(parse_document(source), PLACES)


def gold_paths(seed: Path) -> list[str]:
    return [c["path"] for c in load_gold(seed.with_suffix(".json").parent.parent.parent / "tests" / "gold" / (seed.stem + ".json"))["clauses"]]


def assert_tiles(doc) -> None:
    """Every character belongs to exactly one part."""
    position = 0
    for part in doc.parts:
        assert part.start == position, part
        position = part.end
    assert position == len(doc.text)


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8-bom", lambda t: t.encode("utf-8-sig")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("gbk", lambda t: t.encode("gbk", errors="strict")),
        ("utf16-bom-crlf", lambda t: t.replace("\n", "\r\n").encode("utf-16")),
        ("utf16le-no-bom", lambda t: t.encode("utf-16-le")),
    ],
)
def test_encodings_give_the_same_document(tmp_path, name, encode):
    text = SEED_000.read_text("utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(text))
    source, extraction = parse_file(path)
    assert source.text == text
    assert [c.path for c in extraction.document.all_clauses()] == gold_paths(SEED_000)
    assert extraction.document.header.number == "济政字〔2020〕39号"
    assert_tiles(extraction.document)


@pytest.mark.parametrize("seed", [SEED_000, SEED_002])
def test_one_line_crawl_keeps_the_clause_tree(tmp_path, seed):
    """A crawl that lost every line break still yields the same clauses, units and titles."""
    flat = re.sub(r"\s*\n\s*", " ", seed.read_text("utf-8"))
    path = tmp_path / seed.name
    path.write_text(flat, "utf-8")
    _, extraction = parse_file(path)
    _, original = parse_file(seed)
    assert [c.path for c in extraction.document.all_clauses()] == gold_paths(seed)
    assert extraction.document.header.title == original.document.header.title
    assert extraction.document.header.notice_title == original.document.header.notice_title
    units = {k: [m.name for m in v.responsible] for k, v in extraction.units.items()}
    assert units == {k: [m.name for m in v.responsible] for k, v in original.units.items()}
    assert_tiles(extraction.document)


ARTICLES = """【法宝引证码】CLI.12.345678
杭州市科学技术局关于印发《杭州市科技创新券管理办法》的通知
杭科计〔2023〕12号

各区、县（市）科技局，有关单位：
现将《杭州市科技创新券管理办法》印发给你们，请遵照执行。

杭州市科学技术局
2023年3月1日

杭州市科技创新券管理办法

第一章 总则

第一条 为深入实施创新驱动发展战略，根据《浙江省科技创新券管理办法》（浙科发〔2022〕5号），制定本办法。
第二条 本办法所称创新券，是指市科技局向企业发放的电子凭证。

第二章 支持方式

第三条 对符合条件的企业，按合同金额的50%给予补助，单个企业每年最高补助30万元。（市科技局牵头，市财政局配合）
第四条 创新券每年安排最高5000万元。

第三章 附则

第五条 本办法自2023年4月1日起施行，有效期5年。

原文链接：http://example.gov.cn/art/2023/3/1/art_1.html
"""


def test_chapters_and_articles_with_database_furniture(tmp_path):
    path = tmp_path / "articles.txt"
    path.write_text(ARTICLES, "utf-8")
    _, x = parse_file(path)
    doc = x.document
    assert [c.path for c in doc.all_clauses()] == [
        "第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条", "第二章/第四条", "第三章", "第三章/第五条",
    ]
    assert doc.header.number == "杭科计〔2023〕12号"
    assert doc.header.issuer == "杭州市科学技术局"
    assert doc.header.title == "杭州市科技创新券管理办法"
    lead, responsible = x.units["第二章/第三条"].lead, x.units["第二章/第三条"].responsible
    assert ([m.name for m in lead], [m.name for m in responsible]) == (["市科技局"], ["市财政局"])
    assert [(i.path, int(i.amount), i.kind, float(i.rate)) for i in x.incentives if i.rate] == [("第二章/第三条", 300000, "max", 0.5)]
    assert [(i.path, int(i.amount), i.kind) for i in x.incentives if not i.rate] == [("第二章/第四条", 50000000, "budget")]
    assert [(r.title, r.number) for r in x.references] == [("浙江省科技创新券管理办法", "浙科发〔2022〕5号")]
    assert str(x.validity.valid_from) == "2023-04-01" and str(x.validity.valid_until) == "2028-03-31"
    assert x.validity.derivation  # the end date was derived, and says how
    kinds = [p.kind for p in doc.parts if p.kind not in ("clause",)]
    assert kinds[-1] == "boilerplate"  # 原文链接 is furniture, not text of 第五条
    assert "原文链接" not in doc.all_clauses()[-1].text
    assert_tiles(doc)


WEB_PAGE = """<!DOCTYPE html><html><head><title>x</title><script>var a = "一、不是条款";</script></head><body>
<div class="nav">首页 > 政策文件</div><div class="content">
<p>深圳市人民政府办公厅关于印发深圳市支持人工智能发展若干措施的通知</p><p>深府办规〔2024〕3号</p>
<p>各区人民政府，市政府直属各单位：</p><p>现将《深圳市支持人工智能发展若干措施》印发给你们，请认真组织实施。</p>
<p>深圳市人民政府办公厅</p><p>2024年5月10日</p><p>深圳市支持人工智能发展若干措施</p>
<p>一、强化算力供给。发放“训力券”，每年安排最高5亿元，对企业给予最高1000万元补助。（责任单位：市工业和信息化局、市发展改革委）</p>
<p>二、支持模型研发。对通过备案的大模型，给予最高300万元奖励。（牵头单位：市科技创新局；责任单位：市财政局）</p>
<p>本措施自2024年6月1日起施行，有效期3年。</p></div><div class="footer">版权所有：深圳市人民政府 网站标识码4403000001</div></body></html>"""


def test_web_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(WEB_PAGE, "utf-8")
    source, x = parse_file(path)
    assert source.media_type == "text/html" and "<p>" not in source.text and "var a" not in source.text
    doc = x.document
    assert [c.path for c in doc.all_clauses()] == ["一", "二"]
    assert doc.header.issuer == "深圳市人民政府办公厅" and str(doc.header.signed) == "2024-05-10"
    assert [(int(i.amount), i.kind) for i in x.incentives] == [(500000000, "budget"), (10000000, "max"), (3000000, "max")]
    assert [m.name for m in x.units["二"].lead] == ["市科技创新局"]
    assert "训力券" in {p.name for p in x.programmes}
    assert {p.kind for p in doc.parts} >= {"closing", "boilerplate"}


def test_text_that_cannot_be_placed_is_kept_and_reported(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = SEED_000.read_text("utf-8") + "\n\n扫描件第3页页脚：内部资料 注意保存\n"
    (folder / "with-footer.txt").write_text(text, "utf-8")
    result = build_corpus([folder])
    report = result.reports[0]
    assert any("内部资料" in piece for _, _, piece in report.unplaced)
    assert "unplaced text" in result.report_text()
    assert_tiles(result.documents[0].extraction.document)


def test_unreadable_input_names_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt"):
        read_source(empty)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(InputError, match="scan.txt"):
        read_source(binary)
    with pytest.raises(InputError, match="missing.txt"):
        build_corpus([tmp_path / "missing.txt"])


def test_every_seed_is_tiled(corpus_build):
    for resolved in corpus_build.documents:
        assert_tiles(resolved.extraction.document)
    assert len(corpus_build.documents) == len(gold_files())


NOTICE_WITH_ITEMS = """测试市人民政府关于印发测试市促进产业发展若干措施的通知
测政发〔2024〕5号

各区人民政府：
现将《测试市促进产业发展若干措施》印发给你们，并提出如下要求：
一、高度重视。各区要高度重视。
二、抓好落实。各部门要抓好落实。

测试市人民政府
二〇二四年三月五日

测试市促进产业发展若干措施

一、支持研发。给予最高100万元补助。（责任单位：市科技局）
二、支持人才。给予最高50万元奖励。（责任单位：市人社局）
"""


def test_a_notice_that_numbers_its_own_instructions(tmp_path):
    """The policy's 一、 restarts the tree under its title; the notice's items stay in the header."""
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE_WITH_ITEMS, "utf-8")
    _, x = parse_file(path)
    doc = x.document
    assert [(c.path, c.heading) for c in doc.all_clauses()] == [("一", "支持研发"), ("二", "支持人才")]
    assert str(doc.header.signed) == "2024-03-05"  # a date written in Chinese numerals
    assert doc.header.title == "测试市促进产业发展若干措施" and doc.header.issuer == "测试市人民政府"
    assert "高度重视" in doc.text[doc.parts[0].start:doc.parts[0].end]
    assert_tiles(doc)


DATABASE_EXPORT = """【标题】测试市数据条例
【发布部门】测试市人民代表大会常务委员会
【发文字号】测试市人大常委会公告〔2023〕7号
【发布日期】2023.05.06
【实施日期】2023.07.01
【时效性】现行有效

测试市数据条例

第一条 为了促进数据利用，制定本条例。
第二条 本条例由市人民政府负责组织实施。
"""


def test_labelled_fields_of_a_database_export(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(DATABASE_EXPORT, "utf-8")
    _, x = parse_file(path)
    header = x.document.header
    assert [c.path for c in x.document.all_clauses()] == ["第一条", "第二条"]
    assert (header.number, header.issuer, str(header.signed), header.title) == (
        "测试市人大常委会公告〔2023〕7号", "测试市人民代表大会常务委员会", "2023-05-06", "测试市数据条例",
    )
    assert str(x.validity.valid_from) == "2023-07-01" and "实施日期" in x.validity.derivation


def test_a_web_page_posting_date_is_not_the_date_of_issue(tmp_path):
    path = tmp_path / "posted.txt"
    path.write_text("发布日期：2024-06-01\n测试市测试办法\n\n一、总则。鼓励创新。\n", "utf-8")
    _, x = parse_file(path)
    assert x.document.header.signed is None


def test_hard_wrapped_pdf_text_keeps_headings_whole(tmp_path):
    """A PDF extractor that breaks every visual line: headings run on over full lines, titles stay titles."""
    import textwrap

    lines = []
    for paragraph in SEED_002.read_text("utf-8").split("\n"):
        lines += textwrap.wrap(paragraph.strip(), 36) if paragraph.strip() else []
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    _, x = parse_file(path)
    gold = load_gold(Path(__file__).parent / "gold" / (SEED_002.stem + ".json"))
    assert [(c.path, c.heading) for c in x.document.all_clauses()] == [(c["path"], c["heading"]) for c in gold["clauses"]]
    assert x.document.header.title == gold["document"]["title"]
    assert x.document.header.notice_title == gold["document"]["notice_title"]
    assert_tiles(x.document)


@pytest.mark.parametrize("seed", ["001_b57ecb396644b50f", "002_be4913bff1cb3cd8", "003_968495500265c928", "004_ef3e153d4278fd14"])
def test_a_crawl_that_lost_every_blank_keeps_the_clause_tree(tmp_path, seed):
    """Sentence ends, unit parentheticals and parenthesised numbers still show where clauses begin."""
    path = tmp_path / f"{seed}.txt"
    path.write_text(re.sub(r"\s+", "", (CORPUS / f"{seed}.txt").read_text("utf-8")), "utf-8")
    _, x = parse_file(path)
    gold = load_gold(Path(__file__).parent / "gold" / f"{seed}.json")
    assert [c.path for c in x.document.all_clauses()] == [c["path"] for c in gold["clauses"]]
    units = {p: [m.name for m in u.lead + u.responsible] for p, u in x.units.items() if not u.empty}
    assert units == {c["path"]: c["lead_units"] + c["responsible_units"] for c in gold["clauses"] if c["lead_units"] + c["responsible_units"]}
    assert_tiles(x.document)


def test_articles_holding_numbered_items_and_a_fund_rule():
    """A 管理办法 of another city: items （一） inside 第三条, tiers mapped by 分别, a budget ceiling, no units."""
    _, x = parse_file(Path(__file__).parent / "documents" / "guangzhou-articles-with-items.txt")
    doc = x.document
    assert doc.header.number == "穗工信规字〔2024〕2号" and doc.header.issuer == "广州市工业和信息化局"
    assert [c.path for c in doc.all_clauses()] == [
        "第一章", "第一章/第一条", "第一章/第二条", "第二章", "第二章/第三条", "第二章/第三条/(一)", "第二章/第三条/(二)",
        "第二章/第三条/(三)", "第二章/第四条", "第三章", "第三章/第五条",
    ]
    assert [c.heading for c in doc.all_clauses()][:2] == ["总则", "为规范广州市促进人工智能产业发展资金管理，根据《广州市市级财政专项资金管理办法》（穗府规〔2023〕8号）等规定，制定本办法"]
    assert [(i.path, int(i.amount), i.kind, i.rate and float(i.rate), i.qualifier) for i in x.incentives] == [
        ("第一章/第二条", 200000000, "budget", None, None),
        ("第二章/第三条/(一)", 5000000, "max", 0.2, None),
        ("第二章/第三条/(二)", 2000000, "fixed", None, None),
        ("第二章/第三条/(三)", 3000000, "max", None, "国家级"),
        ("第二章/第三条/(三)", 1000000, "max", None, "省级"),
    ]
    assert [(r.title, r.number) for r in x.references] == [("广州市市级财政专项资金管理办法", "穗府规〔2023〕8号")]
    assert x.programmes == []  # 专项资金 in a definition or inside a cited title is not a programme
    assert str(x.validity.valid_until) == "2029-03-14"
    assert_tiles(doc)
