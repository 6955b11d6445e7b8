// SPDX-License-Identifier: LGPL-2.1-or-later
//
// gjs-identity.js: GJS resolves codes and names of states on a date
// through Bilat.Identity, and reads its errors and spells.
// Exits with status 1 and a message on the first difference.

import GLib from 'gi://GLib';
import Bilat from 'gi://Bilat?version=1.0';
import System from 'system';

function check(condition, what) {
    if (!condition) {
        printerr(`gjs-identity: ${what}`);
        System.exit(1);
    }
}

const identity = Bilat.Identity.get_default();
const S = Bilat.CodeScheme;
const on = text => Bilat.Date.parse(text);

const cases = [
    [S.COW, '365', '1985-06-01', 'SUN'], [S.COW, '365', '2000-01-01', 'RUS'],
    [S.COW, '260', '1970', 'DEU'], [S.COW, '265', '1970', 'DDR'],
    [S.COW, '345', '1990', 'YUG'], [S.COW, '345', '2004', 'SCG'], [S.COW, '345', '2010', 'SRB'],
    [S.GW, '365', '1985', 'SUN'], [S.ISO2, 'CS', '2004', 'SCG'],
    [S.NAME, 'Russia', '1985', 'SUN'], [S.NAME, 'Côte d’Ivoire', '2000', 'CIV'],
];
for (const [scheme, code, when, expected] of cases) {
    const id = identity.resolve(scheme, code, on(when));
    check(id === expected, `${code} on ${when}: ${id}, not ${expected}`);
}
check(identity.resolve(S.NAME, 'Federal Republic of Germany', null) === 'DEU', 'FRG');
check(identity.convert(S.COW, '365', S.ISO3, on('1985-06-01')) === 'SUN', 'convert');

try {
    identity.resolve(S.COW, '265', on('2000-01-01'));
    check(false, 'COW 265 in 2000 resolved');
} catch (e) {
    check(e instanceof GLib.Error && e.matches(Bilat.identity_error_quark(), Bilat.IdentityError.NOT_VALID),
        `COW 265 in 2000: ${e}`);
    check(e.message.includes('2000-01-01') && e.message.includes('265'), e.message);
}

const members = identity.get_members(on('1991'));
const ids = [];
for (let i = 0; i < members.get_n_items(); i++)
    ids.push(members.get_item(i).state);
check(ids.includes('SUN') && ids.includes('RUS'), 'members of 1991');
check(identity.get_spells('FRA').get_n_items() === 2, 'spells of France');

print('gjs: identity ok');
