/* timeline.vala: the Pakistan–Russia timeline from Vala
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   valac --pkg bilat-1.0 timeline.vala
 */

int main (string[] args) {
    try {
        var store = new Bilat.Store.builtin ("pakistan-russia");
        var query = Bilat.Query.parse ("dyad:PAK,RUS type:exercise");
        var exercises = store.find_events (query);

        for (uint i = 0; i < exercises.get_n_items (); i++) {
            var drill = (Bilat.Exercise) exercises.get_item (i);
            var date = drill.get_date ();
            stdout.printf ("%s  %s (edition %u)\n",
                   date != null ? date.to_string () : "unknown",
                   drill.get_title (), drill.get_edition ());

            /* participants and citations are list models, as properties */
            var actors = new StringBuilder ();
            var participants = drill.participants;
            for (uint j = 0; j < participants.get_n_items (); j++)
                actors.append_printf (" %s", ((Bilat.Participant) participants.get_item (j)).actor);
            stdout.printf ("    participants:%s; citations: %u\n",
                   actors.str, drill.citations.get_n_items ());
        }

        double score;
        var alignment = store.align ("PAK", "RUS", null);
        if (alignment.get_affinity (out score))
            stdout.printf ("PAK–RUS affinity over %u issues: %.3f\n", alignment.get_n_shared (), score);
    } catch (Error e) {
        printerr ("timeline: %s\n", e.message);
        return 1;
    }
    return 0;
}
