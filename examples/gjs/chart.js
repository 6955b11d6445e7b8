// SPDX-License-Identifier: LGPL-2.1-or-later
//
// A chart drawn onto a cairo context, as a GtkDrawingArea's draw function
// would (here an image surface, written as PNG), and saved as SVG.
// gjs -m chart.js [FOLDER]

import Cairo from 'cairo';
import GLib from 'gi://GLib';
import Bilat from 'gi://Bilat?version=1.0';
import BilatPlot from 'gi://BilatPlot?version=1.0';
import System from 'system';

const folder = System.programArgs[0] ?? '.';
const store = Bilat.Store.new_builtin('pakistan-russia');
const chart = BilatPlot.TimelineChart.new_for_store(store, Bilat.Query.parse('dyad:PAK,RUS from:2015'));

// In Gtk 4: area.set_draw_func((_area, cr, width, height) => { … });
const [width, height] = [900, 400];
const surface = new Cairo.ImageSurface(Cairo.Format.ARGB32, width, height);
const cr = new Cairo.Context(surface);
chart.set_size(width, height, BilatPlot.Unit.PIXELS);
chart.draw(cr);
surface.writeToPNG(GLib.build_filenamev([folder, 'pak-rus-timeline.png']));
cr.$dispose();

chart.save_to_file(GLib.build_filenamev([folder, 'pak-rus-timeline.svg']), BilatPlot.Format.AUTO);
print(`wrote pak-rus-timeline.png and pak-rus-timeline.svg in ${folder}`);
