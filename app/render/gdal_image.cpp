#include "app/render/gdal_image.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <cstdio>
#include <memory>

namespace app::render {

geo::gdal::DatasetPtr wrapImage(const Image& image, int bands) {
    GDALDriverH mem = GDALGetDriverByName("MEM");
    if (mem == nullptr) return nullptr;
    geo::gdal::DatasetPtr dataset(GDALCreate(mem, "", image.width, image.height, 0, GDT_Byte, nullptr));
    if (!dataset) return nullptr;
    const GDALColorInterp channels[4] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
    const std::string line_offset = "LINEOFFSET=" + std::to_string(static_cast<long long>(image.width) * 4);
    for (int band = 0; band < bands && band < 4; ++band) {
        char pointer[64] = {0};
        CPLPrintPointer(pointer, const_cast<std::uint8_t*>(image.rgba.data()) + band, sizeof pointer - 1);
        const std::string data_pointer = std::string("DATAPOINTER=") + pointer;
        std::unique_ptr<char*, decltype(&CSLDestroy)> options(CSLAddString(nullptr, data_pointer.c_str()), &CSLDestroy);
        options.reset(CSLAddString(options.release(), "PIXELOFFSET=4"));
        options.reset(CSLAddString(options.release(), line_offset.c_str()));
        if (GDALAddBand(dataset.get(), GDT_Byte, options.get()) != CE_None) return nullptr;
        GDALSetRasterColorInterpretation(GDALGetRasterBand(dataset.get(), band + 1), channels[band]);
    }
    return dataset;
}

}  // namespace app::render
