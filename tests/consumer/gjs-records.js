// SPDX-License-Identifier: LGPL-2.1-or-later
//
// gjs-records.js: GJS reads the list-valued properties of records,
// BilatEvent:participants and BilatRecord:citations, as list models.
// Exits with status 1 and a message on the first difference.

import Gio from 'gi://Gio';
import Bilat from 'gi://Bilat?version=1.0';
import System from 'system';

function check(condition, what) {
    if (!condition) {
        printerr(`gjs-records: ${what}`);
        System.exit(1);
    }
}

function items(model) {
    const list = [];
    for (let i = 0; i < model.get_n_items(); i++)
        list.push(model.get_item(i));
    return list;
}

// From the built-in dataset: the 2018 drill, its two participants and the
// op-ed paragraphs that state it.
const store = Bilat.Store.new_builtin('pakistan-russia');
const drill = store.lookup_event('friendship-2018');
const participants = drill.participants;
check(participants instanceof Gio.ListModel, 'participants is not a Gio.ListModel');
check(participants.get_item_type() === Bilat.Participant.$gtype, 'participants item type');
const actors = items(participants).map(p => `${p.actor}:${p.role}`).join(' ');
check(actors === `PAK:${Bilat.Role.PARTICIPANT} RUS:${Bilat.Role.PARTICIPANT}`,
    `participants of friendship-2018: ${actors}`);

const citations = drill.citations;
check(citations instanceof Gio.ListModel, 'citations is not a Gio.ListModel');
check(citations.get_n_items() > 0, 'friendship-2018 has no citations');
for (const citation of items(citations)) {
    check(store.lookup_source(citation.source) !== null,
        `citation of an unknown source: ${citation.source}`);
    check(citation.paragraph > 0, `citation without a paragraph: ${citation.to_string()}`);
}

// A record made here: the models are live and emit items-changed.
const event = Bilat.Event.new('talks-2019');
const model = event.participants;
const changes = [];
model.connect('items-changed', (m, position, removed, added) => changes.push(`${position},${removed},${added}`));
event.add_participant('PAK', Bilat.Role.INITIATOR);
event.add_participant('RUS', Bilat.Role.TARGET);
event.remove_participant('PAK');
check(changes.join(' ') === '0,0,1 1,0,1 0,1,0', `items-changed: ${changes.join(' ')}`);
check(event.participants === model, 'participants is not the same model');
check(items(model).map(p => p.actor).join() === 'RUS', 'participants after the changes');

event.add_citation(Bilat.Citation.new('memo', 3, 10, 20, 'gas'));
const [citation] = items(event.citations);
check(citation.source === 'memo' && citation.paragraph === 3 && citation.start === 10 &&
      citation.end === 20 && citation.quote === 'gas', `citation: ${citation.to_string()}`);

print('gjs: participants and citations ok');
