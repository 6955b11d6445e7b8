#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Writes the event-data fixtures of tests/test-import.c: small files in the
# real layouts of GDELT 1.0 (58-column daily and 57-column backfile), GDELT
# 2.0 (61 columns) and ICEWS (20 columns with a header), and files with
# every kind of bad row. The values are made up, in the datasets' forms.
# The fixtures are committed; run this only to change them:
#
#   python3 tests/data/import/make-fixtures.py tests/data/import

import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

# One GDELT event: what the fixtures vary. geo: (type, full name, FIPS, ADM1, lat, lon).
def gdelt(id, date, a1, a2, code, quad, gold, geo=None, url=None, mentions='10', tone='-1.25',
          a1code=None, a1name=None, a2code=None, a2name=None, types1=('GOV', '', ''), added=None):
    return dict(id=str(id), date=date, a1=a1, a2=a2, code=code, quad=str(quad), gold=gold,
                geo=geo, url=url, mentions=mentions, tone=tone,
                a1code=a1code if a1code is not None else (a1 + 'GOV' if a1 else ''),
                a1name=a1name if a1name is not None else NAMES.get(a1, ''),
                a2code=a2code if a2code is not None else (a2 + 'GOV' if a2 else ''),
                a2name=a2name if a2name is not None else NAMES.get(a2, ''),
                types1=types1, added=added)

NAMES = {'PAK': 'PAKISTAN', 'RUS': 'RUSSIA', 'USA': 'UNITED STATES', 'CHN': 'CHINA',
         'ROM': 'ROMANIA', 'EUR': 'EUROPE', 'AFG': 'AFGHANISTAN', 'IND': 'INDIA'}

MOSCOW = ('4', 'Moscow, Moskva, Russia', 'RS', 'RS48', '55.7522', '37.6156')
ISLAMABAD = ('4', 'Islamabad, Islamabad, Pakistan', 'PK', 'PK08', '33.7', '73.1667')
BEIJING = ('4', 'Beijing, Beijing, China', 'CH', 'CH22', '39.9289', '116.388')
KABUL = ('4', 'Kabul, Kabol, Afghanistan', 'AF', 'AF13', '34.5167', '69.1833')
OCEAN = ('1', 'Indian Ocean', 'OS', 'OS', '-10', '80')


def gdelt_columns(e, layout):
    """layout: 'gdelt2' (61), 'gdelt1' (58) or 'backfile' (57)."""
    y, m, d = e['date'][:4], e['date'][4:6], e['date'][6:8]
    frac = '%.4f' % (int(y) + ((int(m) - 1) * 30 + int(d)) / 365.0)
    actor = lambda code, name, cc, types: [code, name, cc, '', '', '', '', types[0], types[1], types[2]]
    c = [e['id'], e['date'], y + m, y, frac]
    c += actor(e['a1code'], e['a1name'], e['a1'], e['types1'])
    c += actor(e['a2code'], e['a2name'], e['a2'], ('', '', '') if not e['a2'] else ('GOV', '', ''))
    c += ['1', e['code'], e['code'][:3], e['code'][:2], e['quad'], e['gold'],
          e['mentions'], '2', e['mentions'], e['tone']]
    def geo(g):
        if g is None:
            g = ('0', '', '', '', '', '')
        block = [g[0], g[1], g[2], g[3]]
        if layout == 'gdelt2':
            block.append('')  # ADM2Code
        block += [g[4], g[5], '-1' if g[0] != '0' else '']
        return block
    c += geo(e['geo']) + geo(e['geo']) + geo(e['geo'])
    if layout == 'gdelt2':
        c.append(e['added'] or e['date'] + '143000')
    else:
        c.append(e['added'] or ('20160728' if layout == 'gdelt1' else '20130203'))
    if layout != 'backfile':
        c.append(e['url'] or '')
    want = {'gdelt2': 61, 'gdelt1': 58, 'backfile': 57}[layout]
    assert len(c) == want, (layout, len(c))
    return c


def write(name, lines):
    with open(os.path.join(out, name), 'wb') as f:
        for ln in lines:
            f.write((ln if isinstance(ln, bytes) else ln.encode('utf-8')) + b'\n')


def line(cols):
    return '\t'.join(cols)

# GDELT 2.0: PAK-RUS 5 events (one with the file's own Goldstein), other dyads,
# a CAMEO code that differs from ISO (ROM), a region (EUR), one country on
# both sides, a missing actor, a row without a place.
URL1 = 'https://example.org/2018/10/pakistan-russia-talks'
gdelt2_events = [
    gdelt(900000001, '20181015', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW, URL1),
    gdelt(900000002, '20181020', 'RUS', 'PAK', '042', 1, '1.9', ISLAMABAD, URL1),
    gdelt(900000003, '20181103', 'PAK', 'RUS', '190', 4, '-10.0', KABUL, 'https://example.org/a'),
    gdelt(900000004, '20181103', 'USA', 'PAK', '042', 1, '1.9', ISLAMABAD, 'https://example.org/b'),
    gdelt(900000005, '20181104', 'RUS', 'CHN', '057', 1, '8.0', BEIJING, 'https://example.org/c'),
    gdelt(900000006, '20190105', 'PAK', 'RUS', '061', 2, '7.0', MOSCOW, 'https://example.org/d'),
    gdelt(900000007, '20190105', 'ROM', 'RUS', '043', 1, '2.8', MOSCOW, 'https://example.org/e'),
    gdelt(900000008, '20190210', 'EUR', 'RUS', '112', 3, '-2.0', MOSCOW, 'https://example.org/f',
          a1code='EUR', a1name='EUROPE'),
    gdelt(900000009, '20190210', 'PAK', 'PAK', '010', 1, '0.0', ISLAMABAD, 'https://example.org/g'),
    gdelt(900000010, '20190211', 'PAK', '', '020', 1, '3.0', ISLAMABAD, 'https://example.org/h'),
    gdelt(900000011, '20190301', 'RUS', 'PAK', '173', 4, '-5.0', None, 'https://example.org/i'),
    gdelt(900000012, '20190302', '', 'RUS', '051', 1, '3.4', OCEAN, 'https://example.org/j',
          a1code='GOV', a1name=''),
]
write('gdelt2.export.CSV', [line(gdelt_columns(e, 'gdelt2')) for e in gdelt2_events])

# GDELT 1.0 daily files (58 columns, DATEADDED as YYYYMMDD).
gdelt1_events = [
    gdelt(564100001, '20160701', 'PAK', 'RUS', '040', 1, '1.0', MOSCOW, 'http://example.com/1'),
    gdelt(564100002, '20160715', 'RUS', 'PAK', '0311', 1, '5.2', ISLAMABAD, 'http://example.com/2'),
    gdelt(564100003, '20160716', 'PAK', 'RUS', '1041', 3, '-5.0', ISLAMABAD, 'http://example.com/3'),
    gdelt(564100004, '20160801', 'PAK', 'IND', '141', 3, '-6.5', ISLAMABAD, 'http://example.com/4'),
    gdelt(564100005, '20160802', 'CHN', 'PAK', '0874', 2, '10.0', ISLAMABAD, 'http://example.com/5'),
]
write('gdelt1-daily.export.CSV', [line(gdelt_columns(e, 'gdelt1')) for e in gdelt1_events])

# GDELT 1.0 historical backfile (57 columns, no SOURCEURL), integer scores.
backfile_events = [
    gdelt(1552001, '19820102', 'PAK', 'AFG', '013', 1, '0.4', KABUL),
    gdelt(1552002, '19820103', 'RUS', 'PAK', '112', 3, '-2', ISLAMABAD),
    gdelt(1552003, '19820215', 'PAK', 'RUS', '046', 1, '7', MOSCOW),
    gdelt(1552004, '19820216', 'USA', 'RUS', '080', 2, '5', None),
]
write('gdelt1-backfile.CSV', [line(gdelt_columns(e, 'backfile')) for e in backfile_events])

# ICEWS: names, NA, a duplicated row, a reused Event ID, an unknown name.
HEADER = ('Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t'
          'CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t'
          'Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude')

def icews(id, date, sname, scountry, text, code, intensity, tname, tcountry, story,
          city='Moscow', district='NA', province='Moskva', country='Russian Federation',
          lat='55.7522', lon='37.6156', ssect='Executive,Government', tsect='Government'):
    return [str(id), date, sname, ssect, scountry, text, code, intensity, tname, tsect,
            tcountry, str(story), '1', 'Dawn', city, district, province, country, lat, lon]

icews_rows = [
    icews(40000001, '2018-06-01', 'Foreign Affairs (Pakistan)', 'Pakistan', 'Make a visit', '042', '1.9',
          'Government (Russia)', 'Russian Federation', 50000001),
    icews(40000001, '2018-06-01', 'Foreign Affairs (Pakistan)', 'Pakistan', 'Make a visit', '042', '1.9',
          'Government (Russia)', 'Russian Federation', 50000001),
    icews(40000002, '2018-06-02', 'Sergey Lavrov', 'Russian Federation', 'Express intent to meet or negotiate',
          '036', '4', 'Imran Khan', 'Pakistan', 50000002, city='Islamabad', province='Islamabad',
          country='Pakistan', lat='33.7', lon='73.1667'),
    icews(40000003, '2018-06-02', 'Government (Pakistan)', 'Pakistan', 'Halt negotiations', '164', '-6.5',
          'Government (Russia)', 'Russian Federation', 50000002),
    icews(40000004, '2018-06-03', 'United Nations', 'NA', 'Praise or endorse', '051', '3.4',
          'Government (Pakistan)', 'Pakistan', 50000003, city='NA', province='NA', country='NA',
          lat='NA', lon='NA'),
    icews(40000005, '2018-06-03', 'Citizen (Kosovo)', 'Kosovo', 'Demonstrate or rally', '141', '-6.5',
          'Government (Serbia)', 'Serbia', 50000004, city='Pristina', province='NA', country='Kosovo',
          lat='42.6727', lon='21.1669'),
    icews(40000006, '2018-07-01', 'Hamas', 'Occupied Palestinian Territory', 'Accuse', '112', '-2',
          'Israeli Defense Forces', 'Israel', 50000005, city='Gaza', province='NA',
          country='Occupied Palestinian Territory', lat='31.5', lon='34.4667'),
    icews(40000007, '2018-07-02', 'Military (India)', 'India', 'Use conventional military force', '190', '-10',
          'Military (Pakistan)', 'Pakistan', 50000006, city='NA', province='NA', country='NA',
          lat='NA', lon='NA'),
    icews(40000003, '2018-07-03', 'Government (Russia)', 'Russian Federation', 'Consult', '040', '1',
          'Government (Pakistan)', 'Pakistan', 50000007),
]
write('icews.tab', [HEADER] + [line(r) for r in icews_rows])

# Every kind of bad row, each on the PAK-RUS dyad so that a dyad filter
# reads it, between good rows.
good = lambda id, date, code, quad, gold: line(gdelt_columns(
    gdelt(id, date, 'PAK', 'RUS', code, quad, gold, MOSCOW, 'https://example.org/bad'), 'gdelt2'))
def bad(id, **change):
    cols = gdelt_columns(gdelt(id, '20181015', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW,
                               'https://example.org/bad'), 'gdelt2')
    for index, value in change.get('set', {}).items():
        cols[index] = value
    return '\t'.join(cols).encode('utf-8') if 'raw' not in change else change['raw'](cols)

bad_lines = [
    good(910000001, '20181015', '036', 1, '4.0'),                  # 1 good
    line(gdelt_columns(gdelt(910000002, '20181015', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW), 'gdelt2')[:60]),  # 2: 60 columns
    bad(910000003, set={1: '20181332'}),                            # 3 bad date
    bad(910000004, set={30: 'abc'}),                                # 4 bad number
    bad(910000005, set={30: '12.5'}),                               # 5 score out of range
    bad(910000006, set={31: '-3'}),                                 # 6 bad count
    bad(910000007, set={56: '95'}),                                 # 7 latitude out of range
    bad(910000008, set={26: '04x'}),                                # 8 bad CAMEO code
    bad(910000009, set={0: '12ab'}),                                # 9 bad event id
    bad(910000010, raw=lambda c: '\t'.join(c).encode('utf-8').replace(b'PAKISTAN', b'PAK\xffSTAN')),  # 10 not UTF-8
    good(910000001, '20181016', '040', 1, '1.0'),                   # 11 duplicate of 1
    good(910000012, '20181101', '190', 4, '-10.0'),                 # 12 good
    '',                                                             # 13 empty line
    line(gdelt_columns(gdelt(910000014, '20181015', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW), 'gdelt2') + ['extra']),  # 14: 62 columns
    bad(910000015, set={59: '2018101512'}),                         # 15 bad DATEADDED
    good(910000016, '20181102', '061', 2, '6.4'),                   # 16 good
]
write('gdelt2-bad.export.CSV', bad_lines)

icews_bad = [
    HEADER,
    line(icews(41000001, '2018-06-01', 'Government (Pakistan)', 'Pakistan', 'Consult', '040', '1',
               'Government (Russia)', 'Russian Federation', 51000001)),                       # 2 good
    line(icews(41000002, '2018-06-01', 'Government (Pakistan)', 'Pakistan', 'Consult', '040', '1',
               'Government (Russia)', 'Russian Federation', 51000001)[:19]),                  # 3: 19 columns
    line(icews(41000003, '2018-02-30', 'Government (Pakistan)', 'Pakistan', 'Consult', '040', '1',
               'Government (Russia)', 'Russian Federation', 51000001)),                       # 4 bad date
    line(icews(41000004, '2018-06-01', 'Government (Pakistan)', 'Pakistan', 'Consult', '040', 'x',
               'Government (Russia)', 'Russian Federation', 51000001)),                       # 5 bad number
    line(icews(41000005, '2018-06-01', 'Government (Pakistan)', 'Pakistan', 'Consult', '040', '1',
               'Government (Russia)', 'Russian Federation', 51000001, lat='NA', lon='12')),   # 6 half a place
    line(icews(41000006, '2018-06-05', 'Government (Russia)', 'Russian Federation', 'Praise or endorse',
               '051', '3.4', 'Government (Pakistan)', 'Pakistan', 51000002)),                 # 7 good
]
write('icews-bad.tab', icews_bad)

# Who is who on the row's date (issue 13): GDELT writes the codes of today
# for the states of the past (RUS and FIPS RS for the Soviet Union, SRB
# for Yugoslavia), and ICEWS the names of the day.
BELGRADE_YI = ('4', 'Belgrade, Serbia', 'YI', 'YI00', '44.8186', '20.4681')
BELGRADE_RI = ('4', 'Belgrade, Serbia', 'RI', 'RI00', '44.8186', '20.4681')
NAMES.update({'SRB': 'SERBIA', 'CZE': 'CZECH REPUBLIC'})
identity_events = [
    gdelt(920000001, '19850601', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW),       # SUN, in the USSR
    gdelt(920000002, '20050601', 'PAK', 'RUS', '036', 1, '4.0', MOSCOW),       # RUS, in Russia
    gdelt(920000003, '19950601', 'USA', 'SRB', '042', 1, '1.9', BELGRADE_YI),  # YUG
    gdelt(920000004, '20040601', 'USA', 'SRB', '042', 1, '1.9', BELGRADE_YI),  # SCG
    gdelt(920000005, '20100601', 'USA', 'SRB', '042', 1, '1.9', BELGRADE_RI),  # SRB
    gdelt(920000006, '19850602', 'CZE', 'PAK', '042', 1, '1.9', ISLAMABAD),    # CZE: no state then, as written
]
write('gdelt-identity.export.CSV', [line(gdelt_columns(e, 'gdelt2')) for e in identity_events])

BELGRADE = dict(city='Belgrade', province='NA', lat='44.8186', lon='20.4681')
icews_identity = [
    icews(42000001, '2004-05-01', 'Government (Serbia and Montenegro)', 'Serbia and Montenegro', 'Consult',
          '040', '1', 'Government (Russia)', 'Russian Federation', 52000001,
          country='Serbia and Montenegro', **BELGRADE),                                          # SCG
    icews(42000002, '2010-05-01', 'Government (Serbia)', 'Serbia', 'Consult', '040', '1',
          'Government (Russia)', 'Russian Federation', 52000002, country='Serbia', **BELGRADE),  # SRB
    icews(42000003, '2004-05-02', 'Government (Serbia)', 'Serbia', 'Consult', '040', '1',
          'Government (Russia)', 'Russian Federation', 52000003, country='Serbia', **BELGRADE),  # SCG
    icews(42000004, '2010-05-02', 'Government (Serbia and Montenegro)', 'Serbia and Montenegro', 'Consult',
          '040', '1', 'Government (Russia)', 'Russian Federation', 52000004,
          country='Serbia', **BELGRADE),                                                         # reported
]
write('icews-identity.tab', [HEADER] + [line(r) for r in icews_identity])
