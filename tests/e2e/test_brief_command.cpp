#include <catch2/catch.hpp>

#include "caseproject.h"
#include "sightlineprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);
const QString kCaseBrief = kDemo + QStringLiteral("/case-brief.json");
const QString kMarking =
    QStringLiteral("UNCLASSIFIED // DEMONSTRATION: SIMULATED AIS, ILLUSTRATIVE SIGHTINGS");
constexpr auto kEpoch = "1697414400"; // 2023-10-16T00:00:00Z

/// Runs a poppler tool and gives its standard output.
QString poppler(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000))
        p.kill();
    INFO(tool.toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QProcessEnvironment reproducible()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOURCE_DATE_EPOCH"), QString::fromLatin1(kEpoch));
    return env;
}

/// The case made once: the land/sea base, ports and rail lines, the simulated AIS, the illustrative
/// sightings, the dark periods and round trips found and saved.
const QString &caseProject()
{
    static QTemporaryDir dir;
    static const QString project = makeCaseProject(
        dir.filePath(QStringLiteral("case.gpkg")),
        {{QStringLiteral("basemap_fareast_landsea.tif"),
          QStringLiteral("vector/railways_APPROXIMATE.geojson"),
          QStringLiteral("vector/ports_APPROXIMATE.geojson")},
         QStringLiteral("129.2,41.6,133.6,43.8"),
         true,
         {{QStringLiteral("gaps")},
          {QStringLiteral("voyages"), QStringLiteral("--between"), QStringLiteral("Rajin,Dunai")}}});
    return project;
}

Run brief(const QStringList &extra, const QString &out, const QString &project = caseProject())
{
    return runSightline(QStringList{QStringLiteral("brief"), QStringLiteral("--project"), project} + extra +
                            QStringList{QStringLiteral("-o"), out},
                        reproducible());
}

int pageCount(const QString &pdf)
{
    const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    return pages.match(poppler(QStringLiteral("pdfinfo"), {pdf})).captured(1).toInt();
}

/// The page (1-based) whose text contains `needle`; 0 when none does.
int pageWith(const QString &pdf, const QString &needle)
{
    const QStringList pages =
        poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).split(QLatin1Char('\f'));
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].contains(needle))
            return i + 1;
    return 0;
}

QImage renderPage(const QString &pdf, int page, const QString &prefix)
{
    poppler(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("100"), QStringLiteral("-png"),
             QStringLiteral("-singlefile"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
             QString::number(page), pdf, prefix});
    QImage image(prefix + QStringLiteral(".png"));
    REQUIRE_FALSE(image.isNull());
    return image.convertToFormat(QImage::Format_RGB32);
}

struct Word
{
    double x = 0, y = 0;
    QString text;
};

QList<Word> wordsOnPage(const QString &pdf, int page)
{
    const QString html = poppler(QStringLiteral("pdftotext"),
                                 {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page),
                                  QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
    static const QRegularExpression word(QStringLiteral(
        "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"[\\d.]+\" yMax=\"[\\d.]+\">([^<]*)</word>"));
    QList<Word> words;
    for (auto it = word.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        words << Word{m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3)};
    }
    return words;
}

/// The case's sightings in the brief's numbering (observed time, then the order stored).
struct CaseSighting
{
    int number = 0;
    QString title;
    QPointF at;
    QString observed;
};
QList<CaseSighting> caseSightings()
{
    QFile file(kDemo + QStringLiteral("/sightings/case_sightings_ILLUSTRATIVE.geojson"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonArray features =
        QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("features")).toArray();
    QList<CaseSighting> out;
    for (const QJsonValue &v : features) {
        const QJsonObject f = v.toObject();
        const QJsonObject p = f.value(QStringLiteral("properties")).toObject();
        const QJsonObject g = f.value(QStringLiteral("geometry")).toObject();
        // A representative point: the point, else the middle of the coordinates' box.
        QList<QPointF> points;
        std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &c) {
            const QJsonArray a = c.toArray();
            if (a.size() >= 2 && a[0].isDouble())
                points << QPointF(a[0].toDouble(), a[1].toDouble());
            else
                for (const QJsonValue &x : a)
                    collect(x);
        };
        collect(g.value(QStringLiteral("coordinates")));
        QRectF box(points.first(), QSizeF(0, 0));
        for (const QPointF &q : points)
            box = box.united(QRectF(q, QSizeF(0, 0)));
        CaseSighting s;
        s.at = g.value(QStringLiteral("type")).toString() == QLatin1String("Point") ? points.first()
                                                                                    : box.center();
        s.observed = p.value(QStringLiteral("observed_at")).toString();
        const QString kind = p.value(QStringLiteral("kind")).toString();
        const int count = p.value(QStringLiteral("count")).toInt();
        const QString vessel = p.value(QStringLiteral("vessel_name")).toString();
        s.title = count > 0           ? QStringLiteral("%1 %2").arg(count).arg(kind)
                  : !vessel.isEmpty() ? QStringLiteral("Vessel: ") + vessel
                                      : kind.left(1).toUpper() + kind.mid(1);
        out << s;
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const CaseSighting &a, const CaseSighting &b) { return a.observed < b.observed; });
    for (int i = 0; i < out.size(); ++i)
        out[i].number = i + 1;
    return out;
}

} // namespace

TEST_CASE("brief writes the case as a sourced PDF: marking on every page, every sighting, text as text",
          "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("case.pdf"));
    const Run r = brief({QStringLiteral("--template"), kCaseBrief}, pdf);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const int pages = pageCount(pdf);
    CHECK(pages >= 6);
    CHECK(r.err.contains(QStringLiteral("%1 pages, 5 figures").arg(pages)));

    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    CHECK(text.contains(QStringLiteral("ANGARA and MARIA: the Rajin–Dunai")));
    // The marking at the top and the bottom of every page.
    const QStringList pageTexts = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    REQUIRE(pageTexts.size() == pages);
    for (int i = 0; i < pages; ++i) {
        INFO("page " << i + 1);
        CHECK(pageTexts[i].count(kMarking) == 2);
        CHECK(pageTexts[i].contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages)));
    }
    // Dated by SOURCE_DATE_EPOCH.
    CHECK(text.contains(QStringLiteral("16 October 2023")));
    // A scale bar label on the maps, "2 km   1:123,000".
    CHECK(QRegularExpression(QStringLiteral("\\d+ k?m\\s+1:[\\d,]+")).match(text).hasMatch());
    // Graticule labels with degrees and minutes.
    CHECK(QRegularExpression(QStringLiteral("130°\\d+′E")).match(text).hasMatch());
    // Every sighting is a row of its table, under its number.
    const QString layout =
        poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    for (const CaseSighting &s : caseSightings()) {
        INFO(s.number << " " << s.title.toStdString());
        CHECK(QRegularExpression(QStringLiteral("^\\s*%1\\s+%2\\s+%3")
                                     .arg(s.number)
                                     .arg(QRegularExpression::escape(s.title),
                                          QRegularExpression::escape(s.observed.left(10))),
                                 QRegularExpression::MultilineOption)
                  .match(layout)
                  .hasMatch());
    }
    // The events the analyses saved: 20 dark periods, 20 round trips.
    CHECK(QRegularExpression(QStringLiteral("^\\s*20\\s+Gap\\s"), QRegularExpression::MultilineOption)
              .match(layout)
              .hasMatch());
    CHECK(QRegularExpression(QStringLiteral("^\\s*20\\s+Round trip\\s"), QRegularExpression::MultilineOption)
              .match(layout)
              .hasMatch());
    // The sources with their checksums: the simulated AIS log's, as sha256sum gives it.
    QFile log(kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"));
    REQUIRE(log.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(log.readAll(), QCryptographicHash::Sha256).toHex());
    QString compact = text;
    compact.remove(QRegularExpression(QStringLiteral("\\s")));
    CHECK(compact.contains(sha));
    CHECK(text.contains(QStringLiteral("simulated")));

    // Fonts embedded, every one.
    const QStringList fonts =
        poppler(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(fonts.isEmpty());
    for (const QString &line : fonts) {
        INFO(line.toStdString());
        const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        REQUIRE(cols.size() >= 6);
        CHECK(cols[cols.size() - 5] == QStringLiteral("yes")); // emb
    }

    // Imagery as JPEG at the screen preset's 150 dpi.
    const QStringList images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                   .mid(2);
    REQUIRE(images.size() >= 4);
    for (const QString &line : images) {
        INFO(line.toStdString());
        const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        CHECK(cols[8] == QStringLiteral("jpeg"));
        CHECK(std::abs(cols[12].toDouble() - 150) <= 1);
    }
}

TEST_CASE("brief --preset print embeds the imagery at 300 dpi, on landscape pages when asked", "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("print.pdf"));
    const Run r = brief({QStringLiteral("--template"), kCaseBrief, QStringLiteral("--preset"),
                         QStringLiteral("print"), QStringLiteral("--landscape")},
                        pdf);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QStringList images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                   .mid(2);
    REQUIRE_FALSE(images.isEmpty());
    for (const QString &line : images) {
        const QStringList cols = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        CHECK(std::abs(cols[12].toDouble() - 300) <= 1);
    }
    CHECK(poppler(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("842 x 595 pts")));
}

TEST_CASE(
    "brief figures: callout numbers are the sightings table's, the map shows the imagery, the north arrow "
    "and the scale bar are drawn",
    "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("case.pdf"));
    Run r = brief({QStringLiteral("--template"), kCaseBrief}, pdf);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);

    SECTION("the Dunai figure numbers the sightings of its extent and time window as the table does")
    {
        // Figure 3 of the case brief: Dunai, 10–20 October.
        const QRectF extent(QPointF(132.22, 42.82), QPointF(132.48, 42.95));
        QSet<QString> expected;
        for (const CaseSighting &s : caseSightings())
            if (extent.contains(s.at) && s.observed >= QLatin1String("2023-10-10") &&
                s.observed <= QLatin1String("2023-10-20"))
                expected << QString::number(s.number);
        REQUIRE(expected.size() == 2);

        const int page = pageWith(pdf, QStringLiteral("Figure 3."));
        REQUIRE(page > 0);
        const QList<Word> words = wordsOnPage(pdf, page);
        // The map lies between its top graticule labels and the legend under it.
        double top = 1e9, legend = 0;
        for (const Word &w : words) {
            if (w.text.contains(QStringLiteral("°")))
                top = std::min(top, w.y);
            if (w.text == QLatin1String("Legend") && w.y > top)
                legend = w.y;
        }
        REQUIRE(legend > top);
        QSet<QString> callouts;
        for (int i = 0; i < words.size(); ++i) {
            const Word &w = words[i];
            const bool unit = i + 1 < words.size() && (words[i + 1].text == QLatin1String("km") ||
                                                       words[i + 1].text == QLatin1String("m"));
            if (w.y > top && w.y < legend &&
                QRegularExpression(QStringLiteral("^\\d+$")).match(w.text).hasMatch() && !unit)
                callouts << w.text;
        }
        CHECK(callouts == expected);
    }

    SECTION("the map shows the imagery, embedded once per figure")
    {
        const int page = pageWith(pdf, QStringLiteral("Figure 1."));
        REQUIRE(page > 0);
        poppler(QStringLiteral("pdfimages"),
                {QStringLiteral("-j"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                 QString::number(page), pdf, dir.filePath(QStringLiteral("img"))});
        QImage largest;
        for (const QString &f : QDir(dir.path()).entryList({QStringLiteral("img*.jpg")})) {
            QImage image(dir.filePath(f));
            if (image.width() > largest.width())
                largest = image;
        }
        REQUIRE_FALSE(largest.isNull());
        CHECK(largest.width() > 900); // the text width at 150 dpi
        // Land and sea of the base, not a blank: the grey levels spread.
        double sum = 0, sum2 = 0;
        const int n = largest.width() * largest.height();
        for (int y = 0; y < largest.height(); ++y)
            for (int x = 0; x < largest.width(); ++x) {
                const double g = qGray(largest.pixel(x, y));
                sum += g;
                sum2 += g * g;
            }
        const double mean = sum / n, sd = std::sqrt(sum2 / n - mean * mean);
        CHECK(sd > 15);
    }

    SECTION("north arrow and scale bar are where the furniture goes, and not blank")
    {
        // The same brief without them: what differs is theirs.
        QFile file(kCaseBrief);
        REQUIRE(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
        for (int i = 0; i < blocks.size(); ++i) {
            QJsonObject b = blocks[i].toObject();
            if (b.value(QStringLiteral("kind")).toString() != QLatin1String("figure"))
                continue;
            QJsonObject f = b.value(QStringLiteral("figure")).toObject();
            f[QStringLiteral("northArrow")] = false;
            f[QStringLiteral("scaleBar")] = false;
            b[QStringLiteral("figure")] = f;
            blocks[i] = b;
        }
        json[QStringLiteral("blocks")] = blocks;
        const QString bare = dir.filePath(QStringLiteral("bare.json"));
        QFile out(bare);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
        out.close();
        const QString barePdf = dir.filePath(QStringLiteral("bare.pdf"));
        r = brief({QStringLiteral("--template"), bare}, barePdf);
        REQUIRE(r.exitCode == 0);

        const int page = pageWith(pdf, QStringLiteral("Figure 2."));
        REQUIRE(page == pageWith(barePdf, QStringLiteral("Figure 2.")));
        const QImage with = renderPage(pdf, page, dir.filePath(QStringLiteral("with")));
        const QImage without = renderPage(barePdf, page, dir.filePath(QStringLiteral("without")));
        REQUIRE(with.size() == without.size());
        int topRight = 0, bottomLeft = 0, elsewhere = 0;
        for (int y = 0; y < with.height(); ++y)
            for (int x = 0; x < with.width(); ++x) {
                const QRgb a = with.pixel(x, y), b = without.pixel(x, y);
                if (std::abs(qGray(a) - qGray(b)) < 40)
                    continue;
                if (x > with.width() * 0.75)
                    ++topRight;
                else if (x < with.width() * 0.4)
                    ++bottomLeft;
                else
                    ++elsewhere;
            }
        CHECK(topRight > 40);   // the north arrow, at the map's top right
        CHECK(bottomLeft > 40); // the scale bar, at its bottom left
        // The scale bar's label runs a little right of the bar; nothing else changes.
        CHECK(elsewhere < (topRight + bottomLeft) / 2);
    }
}

TEST_CASE("brief: a missing layer is named on the page and on stderr, and the export goes on", "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString scene = dir.filePath(QStringLiteral("basemap_copy.tif"));
    REQUIRE(QFile::copy(kDemo + QStringLiteral("/basemap_fareast_landsea.tif"), scene));
    const QString project = dir.filePath(QStringLiteral("missing.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project, scene,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"),
                          QStringLiteral("--extent"), QStringLiteral("129.2,41.6,133.6,43.8")});
    REQUIRE(r.exitCode == 0);
    REQUIRE(QFile::remove(scene));

    // A figure that names a layer the project never had.
    const QString templ = dir.filePath(QStringLiteral("t.json"));
    QFile file(templ);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "Missing", "blocks": [
        {"kind": "figure", "figure": {"caption": "all layers"}},
        {"kind": "figure", "figure": {"caption": "named", "layers": ["ports_APPROXIMATE", "Old scene"]}}]})");
    file.close();

    const QString pdf = dir.filePath(QStringLiteral("missing.pdf"));
    r = brief({QStringLiteral("--template"), templ}, pdf, project);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("basemap_copy")));
    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    CHECK(text.contains(QStringLiteral("Layer 'basemap_copy' could not be opened: not drawn")));
    CHECK(text.contains(QStringLiteral("Layer 'Old scene' is missing from the project: not drawn")));
}

TEST_CASE("brief is reproducible: the same inputs give the same bytes, dated SOURCE_DATE_EPOCH",
          "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString a = dir.filePath(QStringLiteral("a.pdf")), b = dir.filePath(QStringLiteral("b.pdf"));
    REQUIRE(brief({QStringLiteral("--template"), kCaseBrief}, a).exitCode == 0);
    REQUIRE(brief({QStringLiteral("--template"), kCaseBrief}, b).exitCode == 0);
    QFile fa(a), fb(b);
    REQUIRE(fa.open(QIODevice::ReadOnly));
    REQUIRE(fb.open(QIODevice::ReadOnly));
    const QByteArray bytes = fa.readAll();
    CHECK(bytes == fb.readAll());
    CHECK(bytes.contains("/CreationDate (D:20231016000000"));
}

TEST_CASE("brief refuses bad arguments and templates with messages that name them, and keeps an old PDF",
          "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("out.pdf"));

    Run r = runSightline({QStringLiteral("brief"), QStringLiteral("-o"), pdf});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no project")));

    r = brief({}, pdf, dir.filePath(QStringLiteral("nowhere.gpkg")));
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("nowhere.gpkg")));

    r = brief({QStringLiteral("--preset"), QStringLiteral("poster")}, pdf);
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("poster")));

    const QString templ = dir.filePath(QStringLiteral("bad.json"));
    QFile file(templ);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"blocks": [{"kind": "section"}, {"kind": "chart"}]})");
    file.close();
    r = brief({QStringLiteral("--template"), templ}, pdf);
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(templ));
    CHECK(r.err.contains(QStringLiteral("block 2: unknown kind \"chart\"")));

    // A PDF already written stays when the next cannot be.
    REQUIRE(brief({}, pdf).exitCode == 0);
    const qint64 before = QFileInfo(pdf).size();
    QFile blocker(dir.filePath(QStringLiteral("file")));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    r = brief({}, dir.filePath(QStringLiteral("file/out.pdf")));
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("file/out.pdf")));
    CHECK(QFileInfo(pdf).size() == before);
}

TEST_CASE(
    "brief --store keeps the brief in the project; the next export uses it, any template lends only its page",
    "[e2e][brief]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("store.gpkg"));
    REQUIRE(QFile::copy(caseProject(), project));
    const QString pdf = dir.filePath(QStringLiteral("a.pdf"));
    Run r = brief({QStringLiteral("--template"), kCaseBrief, QStringLiteral("--store")}, pdf, project);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);

    r = brief({QStringLiteral("--template"), QStringLiteral("letter")}, pdf, project);
    REQUIRE(r.exitCode == 0);
    CHECK(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
              .contains(QStringLiteral("ANGARA and MARIA")));
    CHECK(poppler(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("612 x 792 pts (letter)")));

    // --definition writes another brief and leaves the stored one alone.
    const QString other = dir.filePath(QStringLiteral("other.json"));
    QFile file(other);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"title": "Another brief of {project}", "blocks": [{"kind": "sightings-table"}]})");
    file.close();
    r = brief({QStringLiteral("--definition"), other}, pdf, project);
    REQUIRE(r.exitCode == 0);
    CHECK(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
              .contains(QStringLiteral("Another brief of store")));
    r = brief({}, pdf, project);
    REQUIRE(r.exitCode == 0);
    CHECK(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
              .contains(QStringLiteral("ANGARA and MARIA")));
}
