#include "app/cli/commands.hpp"

namespace app::cli {

std::string usage() {
    return R"(usage: textatlas [FILE]                     open the viewer (the bundled article if FILE is omitted;
                                            with no display, render the map to FILE-map.png instead)
       textatlas view [FILE] [--headless-out PNG] [--dem PATH]...
       textatlas extract FILE               places, mentions and passages as JSON
       textatlas extract --jsonl IN.jsonl   one {"id","text"} per line in, one {"id","mentions"} per line out
       textatlas render FILE --out PNG [--size WxH] [--center LAT,LON --zoom Z]
             [--projection webmercator|utm|laea|globe] [--layout-json OUT.json]
                                            render the map headless (Z: Web Mercator zoom, 256*2^Z px
                                            around the world; default: fit all places)
             [--layer PATH]...              draw a GDAL vector file (GeoJSON, Shapefile, GPKG, KML…) or
                                            raster (GeoTIFF…) over the basemap, as File > Add layer does
             [--dem PATH]...                use a DEM (SRTM .hgt, DTED .dt0-2, GeoTIFF… or a folder of
                                            tiles) as terrain where it covers, as Map > Add elevation does
                                            (also in view and export; DEMs in $XDG_DATA_HOME/textatlas/dem
                                            are always used)
             [--dpi N] [--title TEXT] [--legend] [--inset] [--north-arrow|--no-north-arrow] [--tile-size N]
                                            export: --out *.tif writes a GeoTIFF (the projection's CRS and
                                            geotransform); sizes up to 32768 per side (16384x16384 in all)
                                            render in tiles of at most N px (default 4096); --dpi sizes
                                            fonts and lines for print (96 = screen; WxH is then the printed
                                            size and Z the zoom on a 96-dpi screen)
       textatlas export FILE --format geojson|kml|gpkg|html --out PATH [--title TEXT] [--size WxH] [--dem PATH]...
                                            the places (one point each, with their passages) as GIS
                                            data, or an HTML report with the map embedded
       textatlas --help | --version

Offsets in JSON are Unicode code points into the file's text. Data: $TEXTATLAS_DATA or the data/ folder.
Place names: GeoNames (geonames.org), CC BY 4.0.
)";
}

}  // namespace app::cli
