/* vala-importer.vala FIXTURE-DIR: a Vala consumer of the importer object
 * (settings as properties, progress as a signal, async methods) and of the
 * asynchronous save and load, run in a main loop.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

async int run (string dir) throws Error {
    File[] files = {
        File.new_for_path (Path.build_filename (dir, "gdelt2.export.CSV")),
        File.new_for_path (Path.build_filename (dir, "icews.tab"))
    };
    var importer = new Bilat.Importer ();
    importer.query = Bilat.Query.parse ("actor:RUS");
    uint64 last_done = 0;
    importer.progress.connect ((done, total, rows) => { last_done = done; });

    var store = new Bilat.Store ();
    var report = yield importer.import_async (store, files);
    var events = store.get_events ().get_n_items ();
    if (report.kept == 0 || events != report.kept || last_done == 0) {
        printerr ("vala-importer: kept %" + uint64.FORMAT + ", %u events\n", report.kept, events);
        return 1;
    }

    importer.threads = 2;
    Bilat.ImportReport series_report;
    var series = yield importer.compute_series_async (files, Bilat.SeriesUnit.MONTH, out series_report);
    if (series_report.kept != report.kept || series.get_total () != report.kept) {
        printerr ("vala-importer: the series counts %" + uint64.FORMAT + "\n", series.get_total ());
        return 1;
    }

    importer.threads = 1;
    var stream_store = new Bilat.Store ();
    var stream_report = yield importer.import_stream_async (stream_store, files[0].read (), "first.CSV");
    Bilat.ImportReport file_series_report;
    var file_series = importer.compute_series (files[0:1], Bilat.SeriesUnit.DAY, out file_series_report);
    Bilat.ImportReport stream_series_report;
    var stream_series = yield importer.compute_series_from_stream_async (files[0].read (), null,
                                                                         Bilat.SeriesUnit.DAY,
                                                                         out stream_series_report);
    if (stream_report.kept != file_series_report.kept || !stream_series.equal (file_series)) {
        printerr ("vala-importer: the stream kept %" + uint64.FORMAT + "\n", stream_report.kept);
        return 1;
    }

    string path;
    FileUtils.close (FileUtils.open_tmp ("bilat-vala-XXXXXX.json", out path));
    yield new Bilat.Store.builtin ("pakistan-russia").save_to_file_async (File.new_for_path (path), null);
    var loaded = yield new Bilat.Store.from_file_async (File.new_for_path (path), null);
    FileUtils.remove (path);
    stdout.printf ("vala: imported %u events, loaded %u\n", events, loaded.get_events ().get_n_items ());
    return 0;
}

int main (string[] args) {
    var loop = new MainLoop ();
    int status = 1;

    run.begin (args[1], (obj, res) => {
        try {
            status = run.end (res);
        } catch (Error e) {
            printerr ("vala-importer: %s\n", e.message);
        }
        loop.quit ();
    });
    loop.run ();
    return status;
}
