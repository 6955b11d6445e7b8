#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Writes lib/data/identity.tsv, the state identity tables of libbilat.

Run once by hand when the sources change, never by the build:

    lib/data/gen-identity-tables.py SHARED_DATA > lib/data/identity.tsv

SHARED_DATA is the folder of ../shared/data (see its PROVENANCE.md). The
facts taken from it are:

- states/cow_states2016.csv: the Correlates of War state system
  membership spells (COW code, letters, first and last day);
- countrycodes/countrycode_codelist_without_cldr.csv: the codes of each
  country in ISO 3166-1 (alpha-2, alpha-3, numeric), COW, Gleditsch-Ward,
  FIPS 10-4 and UN M49, and its names in English. Only these facts are
  taken: the crosswalk's name-matching regular expressions are not (they
  are countrycode's code, under the GPL); names resolve through the
  names below alone.

The states that ISO 3166-3 lists as no longer existing (SUN, DDR, CSK,
YUG, SCG, YMD, VDR, ANT) and the dates at which states began, ended or
changed identity are written below in HISTORIC and LIFETIMES, with the
succession the library follows. The names event data writes (ICEWS's
country names), the FIPS 10-4 codes of places that ISO lists under
another entry, and the ISO codes withdrawn when a state was renamed are
written below too (EXTRA, ALIASES): the readers of event data and of UN
votes resolve through these tables alone. Every code of a scheme must
name at most one state on any day: the script stops if two assignments
overlap.
"""

import csv
import os
import re
import sys
import unicodedata

OPEN = '..'

# id: fields that the crosswalk lacks or that differ from it. 'row' names
# the crosswalk row (country.name.en) the state takes its other codes and
# names from; 'cow' lists the COW codes whose spells may name the state.
HISTORIC = {
    'SUN': dict(row=None, name='Soviet Union', iso2='SU', iso3='SUN', isonum='810',
                m49='810', fips='UR', gwn='365', gwc='RUS', cow=['365'],
                names=['Soviet Union', 'USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics',
                       'Soviet Union (USSR)']),
    'DDR': dict(row='German Democratic Republic', iso2='DD', iso3='DDR', isonum='278',
                m49='278', fips='GC',
                names=['East Germany', 'GDR', 'Germany, East', 'German Democratic Republic (East Germany)']),
    'CSK': dict(row='Czechoslovakia', iso2='CS', iso3='CSK', isonum='200', m49='200',
                names=['Czecho-Slovakia', 'Czechoslovak Socialist Republic']),
    'YUG': dict(row='Yugoslavia', iso2='YU', iso3='YUG', isonum='891', m49='891', fips='YI',
                names=['Federal Republic of Yugoslavia', 'Socialist Federal Republic of Yugoslavia',
                       'Kingdom of Yugoslavia']),
    # The Federal Republic of Yugoslavia took the name Serbia and Montenegro
    # in 2003, and was still called Yugoslavia: a name of SCG on its days.
    'SCG': dict(row='Serbia and Montenegro', iso2='CS', iso3='SCG', isonum='891', m49='891',
                fips='YI', gwn='345', gwc='YUG', cow=['345'],
                names=['Serbia & Montenegro', 'Yugoslavia']),
    'YMD': dict(row="Yemen People's Republic", iso2='YD', iso3='YMD', isonum='720', m49='720',
                names=['South Yemen', "People's Democratic Republic of Yemen", 'Yemen, South']),
    'VDR': dict(row=None, name='North Vietnam', iso2='VD', iso3='VDR', cow=['816'],
                names=['Democratic Republic of Vietnam', 'Democratic Republic of Viet Nam',
                       'Vietnam, North']),
    'ANT': dict(row='Netherlands Antilles', iso2='AN', iso3='ANT', isonum='530', m49='530'),
    'korea': dict(row=None, name='Korea', cow=['730'], names=['Korea', 'Joseon', 'Korean Empire']),
}

# Extra codes and names of states the crosswalk has.
EXTRA = {
    'DEU': dict(cow=['260'], names=['West Germany', 'Federal Republic of Germany',
                                    'German Federal Republic', 'Germany, West']),
    'SRB': dict(cow=['345']),
    'RUS': dict(names=['Russian Federation']),
    'CIV': dict(names=["Cote d'Ivoire", 'Ivory Coast']),
    'YEM': dict(names=['Republic of Yemen']),
    'yemen-arab-republic': dict(names=['North Yemen', 'Yemen, North']),
    'republic-of-vietnam': dict(names=['South Vietnam', 'Vietnam, South']),
    'KOR': dict(names=['Republic of Korea', 'Korea, South']),
    'PRK': dict(names=["Democratic People's Republic of Korea", 'Korea, North']),
    'KNA': dict(names=['St. Christopher', 'Saint Christopher', 'St. Christopher and Nevis',
                       'Saint Christopher and Nevis']),
    'USA': dict(names=['United States', 'US', 'U.S.', 'USA', 'U.S.A.']),
    'GBR': dict(names=['United Kingdom', 'UK', 'U.K.', 'Great Britain', 'Britain']),
    # Names as ICEWS writes them (Source Country, Target Country, Country):
    # the ISO short names of the time it was coded, and its own words.
    'MMR': dict(names=['Burma']),
    'COD': dict(names=['Zaire', 'DR Congo', 'DRC', 'Congo, Democratic Republic of the',
                       'Democratic Republic of Congo']),
    'COG': dict(names=['Republic of the Congo', 'Congo, Republic of the', 'Republic of Congo']),
    'MAC': dict(names=['Macau']),
    'FSM': dict(names=['Micronesia']),
    'MDA': dict(names=['Moldova, Republic of']),
    'PSE': dict(names=['Occupied Palestinian Territory', 'Palestine']),
    'MKD': dict(names=['the former Yugoslav Republic of Macedonia']),
    'VAT': dict(names=['Holy See']),
    # FIPS 10-4 codes the crosswalk lacks (GDELT writes them for places).
    'SSD': dict(fips='OD'),
    'MAF': dict(fips='RN'),
}

# Codes that name a state but are not its code in the scheme (a code of a
# place that ISO lists under another entry, a code withdrawn when the state
# took a new name): they resolve, and conversion to the scheme never gives
# them. (scheme, code, id, first, last), None for open.
ALIASES = [
    # FIPS 10-4 codes of places that ISO 3166-1 lists under another entry
    ('fips', 'AT', 'AUS', None, None),   # Ashmore and Cartier Islands
    ('fips', 'CR', 'AUS', None, None),   # Coral Sea Islands
    ('fips', 'BQ', 'UMI', None, None),   # Navassa Island
    ('fips', 'DQ', 'UMI', None, None),   # Jarvis Island
    ('fips', 'FQ', 'UMI', None, None),   # Baker Island
    ('fips', 'HQ', 'UMI', None, None),   # Howland Island
    ('fips', 'JQ', 'UMI', None, None),   # Johnston Atoll
    ('fips', 'KQ', 'UMI', None, None),   # Kingman Reef
    ('fips', 'LQ', 'UMI', None, None),   # Palmyra Atoll
    ('fips', 'MQ', 'UMI', None, None),   # Midway Islands
    ('fips', 'WQ', 'UMI', None, None),   # Wake Island
    ('fips', 'BS', 'ATF', None, None),   # Bassas da India
    ('fips', 'EU', 'ATF', None, None),   # Europa Island
    ('fips', 'GO', 'ATF', None, None),   # Glorioso Islands
    ('fips', 'JU', 'ATF', None, None),   # Juan de Nova Island
    ('fips', 'TE', 'ATF', None, None),   # Tromelin Island
    ('fips', 'JN', 'SJM', None, None),   # Jan Mayen
    ('fips', 'GZ', 'PSE', None, None),   # Gaza Strip
    # ISO 3166-3: codes withdrawn when the state took a new name, valid
    # while it had the old one (UN voting data still writes them).
    ('iso2', 'ZR', 'COD', '1971-10-27', '1997-05-16'),   # Zaire
    ('iso3', 'ZAR', 'COD', '1971-10-27', '1997-05-16'),
    ('iso2', 'BU', 'MMR', None, '1989-06-17'),           # Burma
    ('iso3', 'BUR', 'MMR', None, '1989-06-17'),
]

# Lifetimes: the days a state is a state, as (first, last) with None for
# open. Where not given here, a state whose COW membership ended (Bavaria,
# the Yemen Arab Republic) or that was born of a break-up or a union
# (BORN) lives from its first COW spell to its last, open at 1816-01-01
# and at 2016-12-31; every other state is open: its COW membership may
# start long after it was a state (Tonga, a member from 1999).
LIFETIMES = {
    'RUS': [(None, '1922-12-29'), ('1991-12-26', None)],
    'SUN': [('1922-12-30', '1991-12-25')],
    'DEU': [(None, None)],
    'DDR': [('1949-10-07', '1990-10-02')],
    'CSK': [('1918-10-28', '1992-12-31')],
    'SRB': [('1878-07-13', '1918-11-30'), ('2006-06-05', None)],
    'YUG': [('1918-12-01', '2003-02-03')],
    'SCG': [('2003-02-04', '2006-06-04')],
    'MNE': [('2006-06-03', None)],
    'VDR': [('1945-09-02', '1976-07-01')],
    'VNM': [('1976-07-02', None)],
    'ANT': [('1954-12-15', '2010-10-09')],
    # COW's Papal States (327, to 1860) are the crosswalk's Vatican City,
    # which is a state today.
    'VAT': [(None, None)],
}

BORN = {
    # of the Soviet Union
    'ARM', 'AZE', 'BLR', 'EST', 'GEO', 'KAZ', 'KGZ', 'LVA', 'LTU', 'MDA', 'TJK', 'TKM',
    'UKR', 'UZB',
    # of Yugoslavia, Czechoslovakia, Ethiopia, Sudan, Indonesia, Pakistan, Malaysia
    'SVN', 'HRV', 'BIH', 'MKD', 'kosovo', 'CZE', 'SVK', 'ERI', 'SSD', 'TLS', 'BGD', 'SGP',
    # of a union
    'YEM',
}

# Successions the library follows (a state continues its predecessor):
# names of the successor resolve to the predecessor on its days.
PREDECESSORS = {
    'RUS': 'SUN',
    'SCG': 'YUG',
    'SRB': 'SCG',
    'VNM': 'VDR',
}

NAME_FIELDS = ['country.name.en', 'cow.name', 'iso.name.en', 'un.name.en', 'p4.name', 'vdem.name']


def fold(name):
    """Case- and accent-insensitive key, as lib/bilat-identity.c folds."""
    out = []
    space = False
    for ch in unicodedata.normalize('NFD', name):
        if unicodedata.category(ch).startswith('M'):
            continue
        if ch.isalnum():
            if space and out:
                out.append(' ')
            space = False
            out.append(ch.lower())
        else:
            space = True
    return ''.join(out)


def slug(name):
    return re.sub(r'[^a-z0-9]+', '-', fold(name)).strip('-')


def value(row, field):
    v = row.get(field, '') if row else ''
    # NA is the crosswalk's missing value, and Namibia's alpha-2 code.
    if field == 'iso2c' and v == 'NA' and row.get('iso3c') == 'NAM':
        return v
    return '' if v in ('', 'NA') else v


def day(text):
    y, m, d = (int(x) for x in text.split('-'))
    return (y, m, d)


def iso(t):
    return OPEN if t is None else '%04d-%02d-%02d' % t


def prev_day(t):
    import datetime
    d = datetime.date(*t) - datetime.timedelta(days=1)
    return (d.year, d.month, d.day)


def next_day(t):
    import datetime
    d = datetime.date(*t) + datetime.timedelta(days=1)
    return (d.year, d.month, d.day)


def intersect(a, b):
    lo = a[0] if b[0] is None else b[0] if a[0] is None else max(a[0], b[0])
    hi = a[1] if b[1] is None else b[1] if a[1] is None else min(a[1], b[1])
    if lo is not None and hi is not None and lo > hi:
        return None
    return (lo, hi)


def main():
    shared = sys.argv[1]
    with open(os.path.join(shared, 'countrycodes', 'countrycode_codelist_without_cldr.csv'),
              encoding='utf-8') as f:
        crosswalk = list(csv.DictReader(f))
    with open(os.path.join(shared, 'states', 'cow_states2016.csv'), encoding='utf-8') as f:
        spells = list(csv.DictReader(f))

    by_name = {r['country.name.en']: r for r in crosswalk}
    states = {}  # id -> dict

    def new_state(sid, row, name):
        s = dict(id=sid, row=row, name=name, codes={}, cow=[], names=[])
        for scheme, field in (('iso2', 'iso2c'), ('iso3', 'iso3c'), ('iso-numeric', 'iso3n'),
                              ('gw', 'gwn'), ('gw-letter', 'gwc'), ('fips', 'fips'), ('m49', 'un')):
            if value(row, field):
                s['codes'][scheme] = value(row, field)
        if value(row, 'cown'):
            s['cow'].append(value(row, 'cown'))
        for field in NAME_FIELDS:
            if value(row, field):
                s['names'].append(value(row, field))
                if field == 'iso.name.en':
                    s['names'].append(re.sub(r' \(the\)$', '', value(row, field)))
        states[sid] = s
        return s

    historic_rows = {h['row'] for h in HISTORIC.values() if h['row']}
    for row in crosswalk:
        if row['country.name.en'] in historic_rows:
            continue
        if value(row, 'iso3c'):
            sid = value(row, 'iso3c')
        elif value(row, 'cown') or value(row, 'gwn'):
            sid = slug(row['country.name.en'])
        else:
            continue  # no code of any scheme here: nothing to resolve
        new_state(sid, row, value(row, 'country.name.en'))

    for sid, h in HISTORIC.items():
        row = by_name[h['row']] if h['row'] else None
        s = new_state(sid, row, h.get('name') or row['country.name.en'])
        for scheme, key in (('iso2', 'iso2'), ('iso3', 'iso3'), ('iso-numeric', 'isonum'),
                            ('m49', 'm49'), ('fips', 'fips'), ('gw', 'gwn'), ('gw-letter', 'gwc')):
            if key in h:
                s['codes'][scheme] = h[key]
        for c in h.get('cow', []):
            if c not in s['cow']:
                s['cow'].append(c)
        s['names'] += h.get('names', [])

    for sid, e in EXTRA.items():
        for c in e.get('cow', []):
            if c not in states[sid]['cow']:
                states[sid]['cow'].append(c)
        states[sid]['names'] += e.get('names', [])
        if 'fips' in e:
            states[sid]['codes']['fips'] = e['fips']

    # Spells of each COW code, in order.
    by_cow = {}
    for sp in spells:
        start = day('%s-%s-%s' % (sp['styear'], sp['stmonth'], sp['stday']))
        end = day('%s-%s-%s' % (sp['endyear'], sp['endmonth'], sp['endday']))
        by_cow.setdefault(sp['ccode'], []).append(
            dict(code=sp['ccode'], letters=sp['stateabb'], start=start,
                 end=None if end == (2016, 12, 31) else end))
    candidates = {}
    for s in states.values():
        for c in s['cow']:
            candidates.setdefault(c, []).append(s['id'])
    for c in by_cow:
        if c not in candidates:
            sys.exit('COW code %s names no state of the tables' % c)

    # Lifetimes: given, or the span of the COW spells of a state that is
    # the only one its COW codes name.
    life = {}
    for s in states.values():
        if s['id'] in LIFETIMES:
            life[s['id']] = [(None if a is None else day(a), None if b is None else day(b))
                             for a, b in LIFETIMES[s['id']]]
            continue
        own = [sp for c in s['cow'] for sp in by_cow.get(c, [])]
        if not own:
            life[s['id']] = [(None, None)]
            continue
        if any(len(candidates[c]) > 1 for c in s['cow']):
            sys.exit('%s shares a COW code: give its lifetime' % s['id'])
        first = min(sp['start'] for sp in own)
        last = None if any(sp['end'] is None for sp in own) else max(sp['end'] for sp in own)
        if last is None and s['id'] not in BORN:
            life[s['id']] = [(None, None)]
        else:
            life[s['id']] = [(None if first == (1816, 1, 1) else first, last)]

    out = []
    out.append('# SPDX-License-Identifier: LGPL-2.1-or-later\n#\n'
               '# identity.tsv: who is who, and when - the state identity tables of libbilat\n#\n'
               '# Written by gen-identity-tables.py (see there for the sources); do not edit.\n'
               '# Format: UTF-8, LF line ends; \'#\' lines are comments. Fields are\n'
               '# tab-separated; the first says what the line is:\n#\n'
               '#   state  ID  NAME  PREDECESSOR|-  LIFETIMES\n'
               '#          LIFETIMES: FIRST/LAST[,FIRST/LAST...], days as YYYY-MM-DD, .. open\n'
               '#   code   SCHEME  CODE  ID  FIRST  LAST   (the code names ID on these days)\n'
               '#   alias  SCHEME  CODE  ID  FIRST  LAST   (the same, but not ID\'s code: it\n'
               '#          resolves, and conversion never gives it)\n'
               '#          SCHEME: iso2 iso3 iso-numeric cow cow-letter gw gw-letter fips m49\n'
               '#   spell  COW-CODE  ID  FIRST  LAST        (a COW state system membership spell)\n'
               '#   name   ID  NAME                          (a name or variant of ID)\n')
    codes = []  # (scheme, code, id, first, last)
    out_spells = []
    for c in sorted(by_cow, key=int):
        for sp in by_cow[c]:
            pieces = []
            for sid in candidates[c]:
                for lt in life[sid]:
                    x = intersect((sp['start'], sp['end']), lt)
                    if x:
                        pieces.append((x[0], x[1], sid))
            pieces.sort(key=lambda p: p[0])
            # The pieces must cover the spell, without gap or overlap.
            at = sp['start']
            for p in pieces:
                if p[0] != at:
                    sys.exit('COW %s: spell %s..%s not covered at %s' % (c, sp['start'], sp['end'], at))
                at = None if p[1] is None else next_day(p[1])
            if at is not None and sp['end'] is not None and at != next_day(sp['end']):
                sys.exit('COW %s: spell end not covered' % c)
            for first, last, sid in pieces:
                out_spells.append((c, sid, first, last))
                codes.append(('cow', c, sid, first, last))
                codes.append(('cow-letter', sp['letters'], sid, first, last))

    for sid in sorted(states):
        s = states[sid]
        for scheme, code in sorted(s['codes'].items()):
            if scheme in ('iso-numeric', 'm49'):
                code = '%03d' % int(code)
            for first, last in life[sid]:
                codes.append((scheme, code, sid, first, last))

    aliases = [(scheme, code, sid, None if a is None else day(a), None if b is None else day(b))
               for scheme, code, sid, a, b in ALIASES]

    # No code names two states on one day.
    seen = {}
    for scheme, code, sid, first, last in codes + aliases:
        for other in seen.get((scheme, code), []):
            if other[0] != sid and intersect((first, last), other[1:]):
                sys.exit('%s %s names %s and %s at once' % (scheme, code, sid, other[0]))
        seen.setdefault((scheme, code), []).append((sid, first, last))

    for sid in sorted(states):
        s = states[sid]
        lt = ','.join('%s/%s' % (iso(a), iso(b)) for a, b in life[sid])
        out.append('state\t%s\t%s\t%s\t%s\n' % (sid, s['name'], PREDECESSORS.get(sid, '-'), lt))
    for scheme, code, sid, first, last in codes:
        out.append('code\t%s\t%s\t%s\t%s\t%s\n' % (scheme, code, sid, iso(first), iso(last)))
    for scheme, code, sid, first, last in aliases:
        out.append('alias\t%s\t%s\t%s\t%s\t%s\n' % (scheme, code, sid, iso(first), iso(last)))
    for c, sid, first, last in out_spells:
        out.append('spell\t%s\t%s\t%s\t%s\n' % (c, sid, iso(first), iso(last)))

    # Names: one state per name. A name two states share is left out,
    # unless their lifetimes are disjoint (the date tells them apart).
    owners = {}
    for sid in sorted(states):
        for n in states[sid]['names']:
            key = fold(n)
            if key and sid not in owners.setdefault(key, {}):
                owners[key][sid] = n
    for key in sorted(owners):
        sids = owners[key]
        clash = [(a, b) for a in sids for b in sids if a < b and any(
            intersect(x, y) for x in life[a] for y in life[b])]
        if clash:
            sys.stderr.write('name "%s" left out: %s\n' % (key, ', '.join(sorted(sids))))
            continue
        for sid, n in sorted(sids.items()):
            out.append('name\t%s\t%s\n' % (sid, n))
    sys.stdout.write(''.join(out))


if __name__ == '__main__':
    main()
