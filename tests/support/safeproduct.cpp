#include "safeproduct.h"

#include <cpl_vsi.h>
#include <gdal_priv.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace sightline::test {

namespace {

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text.toUtf8()) >= 0;
}

QString fileStem(const SafeProductSpec &spec, const QString &pol)
{
    return QStringLiteral("%1-iw-grd-%2-20240301t060000-20240301t060020-052000-064a1b-001")
        .arg(spec.missionId.toLower(), pol.toLower());
}

QString manifest(const SafeProductSpec &spec)
{
    QString units, metadata, data;
    for (const QString &pol : spec.polarisations) {
        const QString p = pol.toLower();
        const QString stem = fileStem(spec, pol);
        units += QStringLiteral(R"(
      <xfdu:contentUnit unitType="Measurement Data Unit" repID="s1Level1MeasurementSchema" dmdID="product%1 calibration%1">
        <dataObjectPointer dataObjectID="measurement%1"/>
      </xfdu:contentUnit>)")
                     .arg(p);
        metadata += QStringLiteral(R"(
    <metadataObject ID="product%1" classification="DESCRIPTION" category="DMD">
      <dataObjectPointer dataObjectID="product%1_do"/>
    </metadataObject>
    <metadataObject ID="calibration%1" classification="DESCRIPTION" category="DMD">
      <dataObjectPointer dataObjectID="calibration%1_do"/>
    </metadataObject>)")
                        .arg(p);
        data += QStringLiteral(R"(
    <dataObject ID="product%1_do" repID="s1Level1ProductSchema">
      <byteStream mimeType="text/xml"><fileLocation locatorType="URL" href="./annotation/%2.xml"/></byteStream>
    </dataObject>
    <dataObject ID="calibration%1_do" repID="s1Level1CalibrationSchema">
      <byteStream mimeType="text/xml"><fileLocation locatorType="URL" href="./annotation/calibration/calibration-%2.xml"/></byteStream>
    </dataObject>
    <dataObject ID="measurement%1" repID="s1Level1MeasurementSchema">
      <byteStream mimeType="application/octet-stream"><fileLocation locatorType="URL" href="./measurement/%2.tiff"/></byteStream>
    </dataObject>)")
                    .arg(p, stem);
    }
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<xfdu:XFDU xmlns:xfdu="urn:ccsds:schema:xfdu:1" xmlns:safe="http://www.esa.int/safe/sentinel-1.0" xmlns:s1sarl1="http://www.esa.int/safe/sentinel-1.0/sentinel-1/sar/level-1" version="esa/safe/sentinel-1.0/sentinel-1/sar/level-1/standard">
  <informationPackageMap>
    <xfdu:contentUnit unitType="SAFE Archive Information Package">%1
    </xfdu:contentUnit>
  </informationPackageMap>
  <metadataSection>%2
    <metadataObject ID="processing" classification="PROVENANCE" category="PDI">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Processing"><xmlData>
        <safe:processing name="SLC Processing"><safe:facility name="Test facility"/></safe:processing>
      </xmlData></metadataWrap>
    </metadataObject>
    <metadataObject ID="acquisitionPeriod" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Acquisition Period"><xmlData>
        <safe:acquisitionPeriod><safe:startTime>%3</safe:startTime><safe:stopTime>%4</safe:stopTime></safe:acquisitionPeriod>
      </xmlData></metadataWrap>
    </metadataObject>
    <metadataObject ID="platform" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Platform Description"><xmlData>
        <safe:platform><safe:familyName>SENTINEL-1</safe:familyName><safe:number>%5</safe:number>
          <safe:instrument><safe:familyName abbreviation="SAR">Synthetic Aperture Radar</safe:familyName>
            <safe:extension><s1sarl1:instrumentMode><s1sarl1:mode>IW</s1sarl1:mode></s1sarl1:instrumentMode></safe:extension>
          </safe:instrument>
        </safe:platform>
      </xmlData></metadataWrap>
    </metadataObject>
    <metadataObject ID="measurementOrbitReference" classification="DESCRIPTION" category="DMD">
      <metadataWrap mimeType="text/xml" vocabularyName="SAFE" textInfo="Orbit Reference"><xmlData>
        <safe:orbitReference><safe:orbitNumber type="start">52000</safe:orbitNumber>
          <safe:extension><s1:orbitProperties xmlns:s1="http://www.esa.int/safe/sentinel-1.0/sentinel-1"><s1:pass>DESCENDING</s1:pass></s1:orbitProperties></safe:extension>
        </safe:orbitReference>
      </xmlData></metadataWrap>
    </metadataObject>
  </metadataSection>
  <dataObjectSection>%6
  </dataObjectSection>
</xfdu:XFDU>
)")
        .arg(units, metadata, spec.startTime, spec.stopTime, spec.missionId.right(1), data);
}

QString annotation(const SafeProductSpec &spec, const QString &pol)
{
    QString points;
    int count = 0;
    // A grid of 5 × 4 points over the image, corners included, as a real product's 21 × 10.
    for (int i = 0; i < 4; ++i) {
        const int line = (spec.height - 1) * i / 3;
        for (int j = 0; j < 5; ++j) {
            const int pixel = (spec.width - 1) * j / 4;
            points += QStringLiteral("\n      <geolocationGridPoint><azimuthTime>%1</azimuthTime><slantRangeTime>5.3e-03</slantRangeTime>"
                                     "<line>%2</line><pixel>%3</pixel><latitude>%4</latitude><longitude>%5</longitude>"
                                     "<height>0</height><incidenceAngle>35</incidenceAngle><elevationAngle>31</elevationAngle></geolocationGridPoint>")
                          .arg(spec.startTime)
                          .arg(line)
                          .arg(pixel)
                          .arg(spec.lat0 + spec.latPerLine * line, 0, 'f', 9)
                          .arg(spec.lon0 + spec.lonPerPixel * pixel, 0, 'f', 9);
            ++count;
        }
    }
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<product>
  <adsHeader><missionId>%1</missionId><productType>GRD</productType><polarisation>%2</polarisation><mode>IW</mode><swath>IW</swath>
    <startTime>%3</startTime><stopTime>%4</stopTime><absoluteOrbitNumber>52000</absoluteOrbitNumber><missionDataTakeId>412187</missionDataTakeId><imageNumber>001</imageNumber></adsHeader>
  <imageAnnotation>
    <imageInformation><rangePixelSpacing>1.0e+01</rangePixelSpacing><azimuthPixelSpacing>1.0e+01</azimuthPixelSpacing>
      <numberOfSamples>%5</numberOfSamples><numberOfLines>%6</numberOfLines><outputPixels>16 bit Unsigned Integer</outputPixels></imageInformation>
    <processingInformation><ellipsoidName>WGS84</ellipsoidName><ellipsoidSemiMajorAxis>6.378137e+06</ellipsoidSemiMajorAxis><ellipsoidSemiMinorAxis>6.356752314245179e+06</ellipsoidSemiMinorAxis></processingInformation>
  </imageAnnotation>
  <geolocationGrid><geolocationGridPointList count="%7">%8
  </geolocationGridPointList></geolocationGrid>
</product>
)")
        .arg(spec.missionId, pol, spec.startTime, spec.stopTime)
        .arg(spec.width)
        .arg(spec.height)
        .arg(count)
        .arg(points);
}

QString calibration(const SafeProductSpec &spec, const QString &pol)
{
    QString vectors;
    int count = 0;
    if (spec.writeCalibrationVectors) {
        QStringList pixels;
        for (int p : spec.calibrationPixels)
            pixels << QString::number(p);
        for (int line : spec.calibrationLines) {
            QStringList sigma, ones;
            for (int p : spec.calibrationPixels) {
                sigma << QString::number(spec.sigmaNought(line, p), 'e', 6);
                ones << QStringLiteral("2.370000e+02");
            }
            const QString n = QString::number(spec.calibrationPixels.size());
            vectors += QStringLiteral("\n    <calibrationVector><azimuthTime>%1</azimuthTime><line>%2</line>"
                                      "<pixel count=\"%3\">%4</pixel><sigmaNought count=\"%3\">%5</sigmaNought>"
                                      "<betaNought count=\"%3\">%6</betaNought><gamma count=\"%3\">%6</gamma><dn count=\"%3\">%6</dn></calibrationVector>")
                           .arg(spec.startTime)
                           .arg(line)
                           .arg(n, pixels.join(QLatin1Char(' ')), sigma.join(QLatin1Char(' ')), ones.join(QLatin1Char(' ')));
            ++count;
        }
    }
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<calibration>
  <adsHeader><missionId>%1</missionId><productType>GRD</productType><polarisation>%2</polarisation><mode>IW</mode><swath>IW</swath>
    <startTime>%3</startTime><stopTime>%4</stopTime><imageNumber>001</imageNumber></adsHeader>
  <calibrationInformation><absoluteCalibrationConstant>1.0</absoluteCalibrationConstant></calibrationInformation>
  <calibrationVectorList count="%5">%6
  </calibrationVectorList>
</calibration>
)")
        .arg(spec.missionId, pol, spec.startTime, spec.stopTime)
        .arg(count)
        .arg(vectors);
}

bool writeMeasurement(const SafeProductSpec &spec, const QString &pol, const QString &path)
{
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!gtiff)
        return false;
    // One line a strip, as ESA writes its measurements.
    const char *const options[] = {"BLOCKYSIZE=1", nullptr};
    GDALDataset *ds = gtiff->Create(path.toUtf8().constData(), spec.width, spec.height, 1, GDT_UInt16,
                                    const_cast<char **>(options));
    if (!ds)
        return false;
    std::vector<GUInt16> values(std::size_t(spec.width) * std::size_t(spec.height));
    const auto dn = spec.dn ? spec.dn : defaultSafeDn;
    for (int row = 0; row < spec.height; ++row)
        for (int col = 0; col < spec.width; ++col)
            values[std::size_t(row) * std::size_t(spec.width) + std::size_t(col)] = GUInt16(dn(col, row, pol));
    const CPLErr err = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, spec.width, spec.height, values.data(), spec.width,
                                                      spec.height, GDT_UInt16, 0, 0, nullptr);
    GDALClose(ds);
    return err == CE_None;
}

} // namespace

int defaultSafeDn(int col, int row, const QString &polarisation)
{
    if (col < 4 && row < 4)
        return 0;
    const int offset = polarisation == QLatin1String("VV") || polarisation == QLatin1String("HH") ? 0 : 17;
    return 40 + (col * 7 + row * 3 + offset) % 200;
}

QString writeSafeProduct(const QString &folder, const SafeProductSpec &spec)
{
    GDALAllRegister();
    const QString root = QDir(folder).filePath(spec.name + QStringLiteral(".SAFE"));
    QDir dir(root);
    if (!dir.mkpath(QStringLiteral("annotation/calibration")) || !dir.mkpath(QStringLiteral("measurement")))
        return {};
    if (!writeText(dir.filePath(QStringLiteral("manifest.safe")), manifest(spec)))
        return {};
    for (const QString &pol : spec.polarisations) {
        const QString stem = fileStem(spec, pol);
        if (!writeText(dir.filePath(QStringLiteral("annotation/%1.xml").arg(stem)), annotation(spec, pol)) ||
            !writeText(dir.filePath(QStringLiteral("annotation/calibration/calibration-%1.xml").arg(stem)), calibration(spec, pol)))
            return {};
        if (spec.writeMeasurement && !writeMeasurement(spec, pol, dir.filePath(QStringLiteral("measurement/%1.tiff").arg(stem))))
            return {};
    }
    return root;
}

bool zipSafeProduct(const QString &safePath, const QString &zipPath)
{
    const QDir base = QFileInfo(safePath).dir();
    QDirIterator it(safePath, QDir::Files, QDirIterator::Subdirectories);
    bool any = false;
    while (it.hasNext()) {
        const QString file = it.next();
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return false;
        const QByteArray bytes = in.readAll();
        // GDAL adds each file to the zip it creates on the first.
        const QString entry = QStringLiteral("/vsizip/%1/%2").arg(zipPath, base.relativeFilePath(file));
        VSILFILE *out = VSIFOpenL(entry.toUtf8().constData(), "wb");
        if (!out)
            return false;
        const bool ok = VSIFWriteL(bytes.constData(), 1, size_t(bytes.size()), out) == size_t(bytes.size());
        VSIFCloseL(out);
        if (!ok)
            return false;
        any = true;
    }
    return any;
}

} // namespace sightline::test
