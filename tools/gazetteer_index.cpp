// gazetteer_index: writes the binary gazetteer index that geo::Gazetteer::load reads instead of
// the tables (data/gazetteer/gazetteer.idx). Run by the build; parses the tables, checks a few
// well-known names resolve, writes the index. Does not change the tables.
//
// Usage: gazetteer_index DATA_DIR [OUT]   (OUT defaults to DATA_DIR/gazetteer/gazetteer.idx)
#include <iostream>
#include <string>

#include "geo/error.hpp"
#include "geo/gazetteer.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: gazetteer_index DATA_DIR [OUT]\n";
        return 2;
    }
    const std::string data_dir = argv[1];
    const std::string out = argc == 3 ? argv[2] : data_dir + "/gazetteer/" + geo::Gazetteer::kIndexFileName;
    try {
        const geo::Gazetteer gazetteer = geo::Gazetteer::loadTables(data_dir);
        gazetteer.writeIndex(out);
        // Read the default index back through the public loader, so a broken index never ships.
        if (argc == 2) {
            const geo::Gazetteer check = geo::Gazetteer::load(data_dir);
            if (check.places().size() != gazetteer.places().size() ||
                check.lookup("Kabul").size() != gazetteer.lookup("Kabul").size()) {
                std::cerr << "gazetteer_index: " << out << ": read back differs from the tables\n";
                return 1;
            }
        }
        std::cout << "gazetteer_index: " << gazetteer.places().size() << " places -> " << out << "\n";
    } catch (const geo::Error& e) {
        std::cerr << "gazetteer_index: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
