"""Click through the browser as a researcher would, in real headless Chromium against the real server."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

EXACT_YUAN = re.compile(r"^[\d,]+(\.\d+)? 元$")  # the tooltip of an amount: the exact figure in yuan
JINAN_2020 = "济南国家新一代人工智能创新发展试验区建设若干政策"  # tests/gold/000_ec574f4423dbbc58.json


def test_home_to_document_to_agency_to_incentive(page, screenshot):
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("政策知识图谱")
    documents = page.locator("main")
    expect(documents.locator("table.documents", has_text="济政字〔2020〕39号")).to_be_visible()
    expect(documents.locator("table.documents", has_text="鲁政办字〔2025〕49号")).to_be_visible()
    expect(documents.locator("h3", has_text="哈尔滨市")).to_be_visible()
    screenshot(page, "01-home")

    page.get_by_role("link", name=JINAN_2020, exact=True).first.click()
    expect(page.locator("h1")).to_have_text(JINAN_2020)
    expect(page.locator("dl.meta")).to_contain_text("2023-06-16")
    clause = page.locator("section.clause", has_text="支持建设人工智能领域研发平台").first
    expect(clause.locator("mark").first).to_contain_text("500万元")  # the incentive is highlighted in the text
    expect(clause.locator("a.chip").first).to_contain_text("万元")
    screenshot(page, "02-document")

    # Clause 一/1 names one unit only: 市科技局 (责任单位：市科技局).
    page.locator("section.clause", has_text="支持人工智能重点领域基础前沿研究").first.locator("a.unit").first.click()
    expect(page.locator("dl.meta")).to_contain_text("市科技局")  # the name the texts use, among its aliases
    expect(page.locator("h2", has_text="共同负责的部门")).to_be_visible()
    expect(page.locator("section", has_text="共同负责的部门").locator("table")).to_contain_text("发展")
    agency_name = page.locator("h1").inner_text().split()[0]
    screenshot(page, "03-agency")

    incentive_link = page.locator("table.incentives a[href^='/incentives/']").first
    incentive_link.click()
    expect(page.locator("p.kicker")).to_contain_text("扶持条款")
    expect(page.locator("h1 .money")).to_have_attribute("title", EXACT_YUAN)
    expect(page.locator("dl.meta a.unit", has_text=agency_name).first).to_be_visible()  # the agency is responsible
    screenshot(page, "04-incentive")


def test_run_an_example_query_from_the_query_page(page, screenshot):
    page.goto("/query")
    examples = page.locator("aside.examples a")
    assert examples.count() >= 12
    page.get_by_role("link", name="Money per agency per jurisdiction").click()
    expect(page.locator("textarea[name=sparql]")).to_contain_text("pol:responsibleUnit")
    page.get_by_role("button", name="运行 Run query").click()
    parsed = urlparse(page.url)
    assert parsed.path == "/query" and "pol:amount" in parse_qs(parsed.query)["sparql"][0]  # the URL is a permalink
    results = page.locator("table.results")
    expect(results).to_contain_text("济南市")
    assert results.locator("tbody tr").count() > 3
    expect(page.locator("a.download", has_text="CSV")).to_have_attribute("href", re.compile(r"^/sparql\?query="))
    screenshot(page, "05-query")


def test_incentive_facets_work_without_javascript(browser, site, screenshot):
    context = browser.new_context(base_url=site, java_script_enabled=False, viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort())
    tab = context.new_page()
    try:
        tab.goto("/incentives")
        total = tab.locator("table.incentives tbody tr").count()
        tab.select_option("select[name=kind]", "budget")
        tab.get_by_role("button", name="筛选 Filter").click()
        assert "kind=budget" in tab.url
        rows = tab.locator("table.incentives tbody tr")
        assert 0 < rows.count() < total
        for i in range(rows.count()):
            expect(rows.nth(i).locator("td").nth(4)).to_have_text("预算")
        screenshot(tab, "06-incentives-budget")
    finally:
        context.close()


def test_a_missing_document_shows_an_error_page_with_a_way_home(page, screenshot):
    response = page.goto("/documents/370100/nope")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_contain_text("未找到")
    expect(page.locator("h1")).to_contain_text("Not found")
    expect(page.locator("p.message")).to_contain_text("no document")
    screenshot(page, "09-not-found")
    page.locator("main a.home").click()
    expect(page.locator("h1")).to_contain_text("政策知识图谱")
