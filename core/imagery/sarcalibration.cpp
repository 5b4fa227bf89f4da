#include "imagery/sarcalibration.h"

#include <QXmlStreamReader>

#include <algorithm>

namespace sightline {

namespace {
std::vector<double> numbers(const QString &text)
{
    std::vector<double> out;
    const auto parts = QStringView(text).split(u' ', Qt::SkipEmptyParts);
    out.reserve(std::size_t(parts.size()));
    for (const auto part : parts) {
        bool ok = false;
        const double v = part.toDouble(&ok);
        if (!ok)
            return {};
        out.push_back(v);
    }
    return out;
}
} // namespace

std::optional<SarCalibrationLut> SarCalibrationLut::fromXml(const QByteArray &xml, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<SarCalibrationLut> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    SarCalibrationLut lut;
    QXmlStreamReader r(xml);
    double line = 0;
    bool haveLine = false;
    Vector current;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            if (name == QLatin1String("calibrationVector")) {
                current = {};
                haveLine = false;
            } else if (name == QLatin1String("line")) {
                bool ok = false;
                line = r.readElementText().trimmed().toDouble(&ok);
                haveLine = ok;
            } else if (name == QLatin1String("pixel")) {
                current.pixels = numbers(r.readElementText());
            } else if (name == QLatin1String("sigmaNought")) {
                current.gains = numbers(r.readElementText());
            }
        } else if (r.isEndElement() && r.name() == QLatin1String("calibrationVector")) {
            if (!haveLine || current.pixels.empty() || current.pixels.size() != current.gains.size())
                return fail(QStringLiteral("a calibration vector without matching pixel and sigmaNought lists"));
            if (!std::is_sorted(current.pixels.begin(), current.pixels.end()))
                return fail(QStringLiteral("a calibration vector whose pixels are out of order"));
            if (std::any_of(current.gains.begin(), current.gains.end(), [](double g) { return !(g > 0); }))
                return fail(QStringLiteral("a sigmaNought value that is not positive"));
            if (!lut.mLines.empty() && line <= lut.mLines.back())
                return fail(QStringLiteral("calibration vectors out of line order"));
            lut.mLines.push_back(line);
            lut.mVectors.push_back(std::move(current));
        }
    }
    if (r.hasError())
        return fail(QStringLiteral("not readable XML (%1)").arg(r.errorString()));
    if (lut.mVectors.empty())
        return fail(QStringLiteral("no calibration vectors"));
    return lut;
}

double SarCalibrationLut::along(const Vector &v, double pixel)
{
    if (pixel <= v.pixels.front())
        return v.gains.front();
    if (pixel >= v.pixels.back())
        return v.gains.back();
    const auto hi = std::size_t(std::upper_bound(v.pixels.begin(), v.pixels.end(), pixel) - v.pixels.begin());
    const std::size_t lo = hi - 1;
    const double t = (pixel - v.pixels[lo]) / (v.pixels[hi] - v.pixels[lo]);
    return v.gains[lo] + t * (v.gains[hi] - v.gains[lo]);
}

double SarCalibrationLut::sigmaNoughtGain(double line, double pixel) const
{
    if (line <= mLines.front())
        return along(mVectors.front(), pixel);
    if (line >= mLines.back())
        return along(mVectors.back(), pixel);
    const auto hi = std::size_t(std::upper_bound(mLines.begin(), mLines.end(), line) - mLines.begin());
    const std::size_t lo = hi - 1;
    const double t = (line - mLines[lo]) / (mLines[hi] - mLines[lo]);
    return (1 - t) * along(mVectors[lo], pixel) + t * along(mVectors[hi], pixel);
}

void SarCalibrationLut::lineGains(int line, int width, std::vector<float> &gains) const
{
    gains.resize(std::size_t(width));
    for (int col = 0; col < width; ++col)
        gains[std::size_t(col)] = float(sigmaNoughtGain(line, col));
}

} // namespace sightline
