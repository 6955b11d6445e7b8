// SPDX-License-Identifier: LGPL-2.1-or-later
//
// gjs-importer.js FIXTURE-DIR: GJS reads event data with a BilatImporter
// (its settings as properties, its progress as a signal, its _async
// forms), and saves and loads a dataset with the async forms of Bilat.Store.
// Exits with status 1 and a message on the first difference.

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Bilat from 'gi://Bilat?version=1.0';
import System from 'system';

function check(condition, what) {
    if (!condition) {
        printerr(`gjs-importer: ${what}`);
        System.exit(1);
    }
}

const dir = ARGV[0];
const files = ['gdelt2.export.CSV', 'gdelt1-daily.export.CSV'].map(
    name => Gio.File.new_for_path(GLib.build_filenamev([dir, name])));
const size = files.reduce((sum, f) => sum + f.query_info('standard::size', 0, null).get_size(), 0);

const importer = new Bilat.Importer({query: Bilat.Query.parse('actor:PAK')});
check(importer.threads === 1 && importer.format === Bilat.EventFormat.AUTO, 'default settings');
let last = null;
importer.connect('progress', (imp, done, total) => {
    last = [done, total];
});

const syncStore = Bilat.Store.new();
const syncReport = importer.import(syncStore, files);
check(syncReport.kept > 0, 'nothing imported');

const loop = GLib.MainLoop.new(null, false);
const store = Bilat.Store.new();
let report = null;
last = null;
importer.import_async(store, files, (imp, result) => {
    report = imp.import_finish(result);
    loop.quit();
});
loop.run();
check(report.kept === syncReport.kept, `kept ${report.kept}, not ${syncReport.kept}`);
check(store.get_events().get_n_items() === syncStore.get_events().get_n_items(), 'events of the async import');
check(last !== null && last[0] === size && last[1] === size, `last progress ${last}`);

importer.threads = 2;
let series = null;
importer.compute_series_async(files, Bilat.SeriesUnit.YEAR, (imp, result) => {
    const [s] = imp.compute_series_finish(result);
    series = s;
    loop.quit();
});
loop.run();
const [expected] = importer.compute_series(files, Bilat.SeriesUnit.YEAR);
check(series.equal(expected), 'async series differs');

// Streams: the first file's stream imports and counts as the file does.
importer.threads = 1;
const [fileSeries] = importer.compute_series([files[0]], Bilat.SeriesUnit.DAY);
const [streamSeries] = importer.compute_series_from_stream(files[0].read(null), 'first.CSV',
    Bilat.SeriesUnit.DAY);
check(streamSeries.equal(fileSeries), 'stream series differs');
const fileStore = Bilat.Store.new();
const fileReport = importer.import(fileStore, [files[0]]);
const streamStore = Bilat.Store.new();
let streamReport = null;
importer.import_stream_async(streamStore, files[0].read(null), 'first.CSV', (imp, result) => {
    streamReport = imp.import_stream_finish(result);
    loop.quit();
});
loop.run();
check(streamReport.kept === fileReport.kept, `stream kept ${streamReport.kept}, not ${fileReport.kept}`);
let asyncStreamSeries = null;
importer.compute_series_from_stream_async(files[0].read(null), null, Bilat.SeriesUnit.DAY, (imp, result) => {
    [asyncStreamSeries] = imp.compute_series_from_stream_finish(result);
    loop.quit();
});
loop.run();
check(asyncStreamSeries.equal(fileSeries), 'async stream series differs');

// An async save, and an async load of what it saved.
const builtin = Bilat.Store.new_builtin('pakistan-russia');
const [fd, tmp] = GLib.file_open_tmp('bilat-gjs-XXXXXX.json');
GLib.close(fd);
let saved = false;
builtin.save_to_file_async(Gio.File.new_for_path(tmp), null, (store, result) => {
    saved = store.save_to_file_finish(result);
    loop.quit();
});
loop.run();
check(saved, 'async save');
let loaded = null;
Bilat.Store.new_from_file_async(Gio.File.new_for_path(tmp), null, (source, result) => {
    loaded = Bilat.Store.new_from_file_finish(result);
    loop.quit();
});
loop.run();
GLib.unlink(tmp);
check(loaded.get_events().get_n_items() === builtin.get_events().get_n_items(), 'async load');

print('gjs: importer and async load ok');
