#include "layers/rasterbackscatter.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace sightline {

namespace {
constexpr double kLowPercent = 2.0;
constexpr double kHighPercent = 98.0;

// Words that name SAR imagery in file names and metadata, bounded by anything but a letter
// ("S1A_IW_GRDH_…", "ICEYE_X9_GRD_SM_…", "…_VV.tif", POLARIZATION=VV).
const QRegularExpression &sarWords()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![A-Za-z])(SAR|sigma0|sigma_?nought|backscatter|beta0|gamma0|Sentinel-?1[ABC]?|S1[ABC]|"
                       "ICEYE|Capella|Umbra|GRDH?|GRDM|GEC|SAFE|POLARI[SZ]ATION|VV|VH|HH|HV)(?![A-Za-z])"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &powerWords()
{
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z])(intensity|power|sigma0|sigma_?nought|beta0|gamma0)(?![A-Za-z])"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}
} // namespace

BackscatterGuess guessBackscatter(GDALDataset &ds, const QString &source)
{
    BackscatterGuess guess;
    if (ds.GetRasterCount() != 1)
        return guess;
    GDALRasterBand &band = *ds.GetRasterBand(1);
    switch (band.GetRasterDataType()) {
    case GDT_UInt16:
    case GDT_Int16:
    case GDT_UInt32:
    case GDT_Int32:
    case GDT_Float32:
    case GDT_Float64:
        break;
    default:
        return guess; // 8-bit images are already scaled for display; complex ones are not GRD
    }
    QStringList texts{QString::fromUtf8(band.GetDescription())};
    for (GDALMajorObject *object : {static_cast<GDALMajorObject *>(&band), static_cast<GDALMajorObject *>(&ds)})
        if (char **items = object->GetMetadata())
            for (char **item = items; *item; ++item)
                texts << QString::fromUtf8(*item).left(4096);
    // A GCP-referenced image is opened through a warped VRT whose XML names the file: its name
    // is the hint then.
    static const QRegularExpression sourceFile(QStringLiteral("<SourceDataset[^>]*>([^<]*)</SourceDataset>"));
    const auto m = sourceFile.match(source);
    texts << QFileInfo(m.hasMatch() ? m.captured(1) : source).fileName();
    if (m.hasMatch())
        texts << QFileInfo(m.captured(1)).dir().dirName();

    guess.sar = std::any_of(texts.begin(), texts.end(), [](const QString &t) { return sarWords().match(t).hasMatch(); });
    if (!guess.sar)
        return guess;
    guess.alreadyDecibels = QString::fromUtf8(band.GetUnitType()).trimmed().compare(QLatin1String("dB"), Qt::CaseInsensitive) == 0;
    guess.amplitude = std::none_of(texts.begin(), texts.end(), [](const QString &t) { return powerWords().match(t).hasMatch(); });
    return guess;
}

bool decibelPercentiles(GDALRasterBand &band, bool amplitude, double *low, double *high)
{
    const int width = band.GetXSize(), height = band.GetYSize();
    if (width <= 0 || height <= 0)
        return false;
    const double scale = std::min(1.0, 1024.0 / std::max(width, height));
    const int w = std::max(1, int(width * scale)), h = std::max(1, int(height * scale));
    std::vector<float> values(std::size_t(w) * std::size_t(h));
    if (band.RasterIO(GF_Read, 0, 0, width, height, values.data(), w, h, GDT_Float32, 0, 0, nullptr) != CE_None)
        return false;
    int hasNoData = 0;
    const double noData = band.GetNoDataValue(&hasNoData);
    for (float &v : values)
        v = (hasNoData && v == float(noData)) ? std::nanf("") : toDecibels(v, amplitude);
    std::erase_if(values, [](float v) { return !std::isfinite(v); });
    if (values.empty())
        return false;
    auto at = [&](double percent) {
        const auto it = values.begin() + std::ptrdiff_t(double(values.size() - 1) * percent / 100.0);
        std::nth_element(values.begin(), it, values.end());
        return double(*it);
    };
    *low = at(kLowPercent);
    *high = at(kHighPercent);
    if (*high <= *low)
        *high = *low + 1;
    return true;
}

} // namespace sightline
