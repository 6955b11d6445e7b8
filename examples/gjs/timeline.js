#!/usr/bin/env -S gjs -m
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// timeline.js: open the built-in dataset, run a query, print the timeline.

import Bilat from 'gi://Bilat?version=1.0';

const store = Bilat.Store.new_builtin('pakistan-russia');
const query = Bilat.Query.parse(ARGV[0] ?? 'dyad:PAK,RUS');
const events = store.find_events(query);

for (let i = 0; i < events.get_n_items(); i++) {
    const event = events.get_item(i);
    const date = event.get_date();
    const [, note] = query.match_event(store, event);
    print(`${date ? date.to_string() : 'unknown'}\t${event.get_id()}\t${event.get_title()}${note ? ` (${note})` : ''}`);
}
