#include "brief/brief.h"

#include "analysis/movementevent.h"
#include "model/sighting.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace sightline {

namespace {

struct KindName
{
    BriefBlock::Kind kind;
    const char *key;
    const char *label;
};
constexpr KindName kKinds[] = {
    {BriefBlock::Kind::Section, "section", "Section"},
    {BriefBlock::Kind::Figure, "figure", "Figure"},
    {BriefBlock::Kind::SightingsTable, "sightings-table", "Sightings table"},
    {BriefBlock::Kind::EventsTable, "events-table", "Events table"},
    {BriefBlock::Kind::VesselsTable, "vessels-table", "Vessels table"},
    {BriefBlock::Kind::Timeline, "timeline", "Timeline"},
    {BriefBlock::Kind::Sources, "sources", "Sources and provenance"},
    {BriefBlock::Kind::PageBreak, "page-break", "Page break"},
    {BriefBlock::Kind::VesselsInImage, "vessels-in-image", "Vessels in image"},
};

struct PageSizeName
{
    QPageSize::PageSizeId id;
    const char *name;
};
constexpr PageSizeName kPageSizes[] = {
    {QPageSize::A4, "A4"}, {QPageSize::Letter, "Letter"}, {QPageSize::A3, "A3"}, {QPageSize::Legal, "Legal"}};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list << v.toString();
    return list;
}

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

QJsonObject figureToJson(const BriefFigure &f)
{
    QJsonObject o;
    if (!f.view.isEmpty())
        o[key("view")] = f.view;
    if (!f.extentWgs84.isNull())
        o[key("extent")] = QJsonArray{f.extentWgs84.left(), f.extentWgs84.top(), f.extentWgs84.right(),
                                      f.extentWgs84.bottom()};
    o[key("crs")] = f.crs;
    if (!f.layers.isEmpty())
        o[key("layers")] = toArray(f.layers);
    if (f.fromMs)
        o[key("from")] = utcIsoString(f.fromMs);
    if (f.toMs)
        o[key("to")] = utcIsoString(f.toMs);
    if (f.heightMm > 0)
        o[key("heightMm")] = f.heightMm;
    o[key("caption")] = f.caption;
    o[key("callouts")] = f.callouts;
    o[key("scaleBar")] = f.scaleBar;
    o[key("northArrow")] = f.northArrow;
    o[key("legend")] = f.legend;
    o[key("graticule")] = f.graticule;
    o[key("inset")] = f.inset;
    return o;
}

bool figureFromJson(const QJsonObject &o, BriefFigure *f, const QString &where, QString *error)
{
    f->view = o.value(key("view")).toString();
    const QJsonValue extent = o.value(key("extent"));
    if (!extent.isUndefined()) {
        const QJsonArray a = extent.toArray();
        if (a.size() != 4 ||
            !std::all_of(a.begin(), a.end(), [](const QJsonValue &v) { return v.isDouble(); })) {
            *error = where + QStringLiteral(": \"extent\" must be [west, south, east, north] in degrees");
            return false;
        }
        const double w = a[0].toDouble(), s = a[1].toDouble(), e = a[2].toDouble(), n = a[3].toDouble();
        if (!(e > w && n > s && s >= -90 && n <= 90)) {
            *error =
                where + QStringLiteral(": \"extent\" [%1, %2, %3, %4] is not a west, south, east, north box")
                            .arg(w)
                            .arg(s)
                            .arg(e)
                            .arg(n);
            return false;
        }
        f->extentWgs84 = QRectF(QPointF(w, s), QPointF(e, n));
    }
    f->crs = o.value(key("crs")).toString(QStringLiteral("EPSG:3857"));
    f->layers = toStringList(o.value(key("layers")));
    for (const char *k : {"from", "to"}) {
        const QString text = o.value(key(k)).toString();
        if (text.isEmpty())
            continue;
        const std::int64_t ms = parseUtcIso(text);
        if (!ms) {
            *error = where + QStringLiteral(": \"%1\" is not an ISO 8601 time: %2").arg(key(k), text);
            return false;
        }
        (k[0] == 'f' ? f->fromMs : f->toMs) = ms;
    }
    f->heightMm = std::max(0.0, o.value(key("heightMm")).toDouble());
    f->caption = o.value(key("caption")).toString();
    f->callouts = o.value(key("callouts")).toBool(true);
    f->scaleBar = o.value(key("scaleBar")).toBool(true);
    f->northArrow = o.value(key("northArrow")).toBool(true);
    f->legend = o.value(key("legend")).toBool(true);
    f->graticule = o.value(key("graticule")).toBool(true);
    f->inset = o.value(key("inset")).toBool(true);
    return true;
}

} // namespace

int Brief::figureCount() const
{
    return int(std::count_if(blocks.begin(), blocks.end(),
                             [](const BriefBlock &b) { return b.kind == BriefBlock::Kind::Figure; }));
}

int briefPresetDpi(const QString &preset)
{
    if (preset == QLatin1String("print"))
        return 300;
    if (preset == QLatin1String("screen"))
        return 150;
    return 0;
}

QString briefPresetName(int dpi)
{
    return dpi == 300   ? QStringLiteral("print")
           : dpi == 150 ? QStringLiteral("screen")
                        : QStringLiteral("custom");
}

QString briefBlockKindKey(BriefBlock::Kind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.key);
    return {};
}

QString briefBlockKindLabel(BriefBlock::Kind kind)
{
    for (const KindName &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.label);
    return {};
}

bool briefBlockKindFromKey(const QString &text, BriefBlock::Kind *kind)
{
    for (const KindName &k : kKinds) {
        if (text == QLatin1String(k.key)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

QJsonObject briefToJson(const Brief &brief)
{
    QJsonObject o;
    o[key("title")] = brief.title;
    o[key("subtitle")] = brief.subtitle;
    o[key("marking")] = brief.marking;
    o[key("authors")] = brief.authors;
    o[key("date")] = brief.date;
    o[key("keyJudgments")] = toArray(brief.keyJudgments);
    QJsonObject page;
    for (const PageSizeName &p : kPageSizes)
        if (p.id == brief.page.size)
            page[key("size")] = QString::fromLatin1(p.name);
    page[key("orientation")] = brief.page.orientation == QPageLayout::Landscape ? QStringLiteral("landscape")
                                                                                : QStringLiteral("portrait");
    page[key("preset")] = briefPresetName(brief.page.dpi);
    page[key("dpi")] = brief.page.dpi;
    page[key("marginMm")] = brief.page.marginMm;
    o[key("page")] = page;
    QJsonArray blocks;
    for (const BriefBlock &b : brief.blocks) {
        QJsonObject block;
        block[key("kind")] = briefBlockKindKey(b.kind);
        if (!b.heading.isEmpty())
            block[key("heading")] = b.heading;
        if (!b.text.isEmpty())
            block[key("text")] = b.text;
        if (b.kind == BriefBlock::Kind::Figure)
            block[key("figure")] = figureToJson(b.figure);
        if (!b.eventTypes.isEmpty())
            block[key("eventTypes")] = toArray(b.eventTypes);
        if (b.kind == BriefBlock::Kind::VesselsInImage)
            block[key("image")] = b.image;
        blocks.append(block);
    }
    o[key("blocks")] = blocks;
    return o;
}

Brief briefFromJson(const QJsonObject &o, QString *error)
{
    QString scratch;
    QString &err = error ? *error : scratch;
    err.clear();
    Brief brief;
    brief.title = o.value(key("title")).toString();
    brief.subtitle = o.value(key("subtitle")).toString();
    brief.marking = o.value(key("marking")).toString();
    brief.authors = o.value(key("authors")).toString();
    brief.date = o.value(key("date")).toString();
    // Key judgments may also be written as one text with a line each.
    const QJsonValue judgments = o.value(key("keyJudgments"));
    brief.keyJudgments = judgments.isString()
                             ? judgments.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                             : toStringList(judgments);

    const QJsonObject page = o.value(key("page")).toObject();
    const QString size = page.value(key("size")).toString(QStringLiteral("A4"));
    bool sizeKnown = false;
    for (const PageSizeName &p : kPageSizes) {
        if (size.compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0) {
            brief.page.size = p.id;
            sizeKnown = true;
        }
    }
    if (!sizeKnown) {
        err = QStringLiteral("page: size \"%1\" is not one of A4, Letter, A3, Legal").arg(size);
        return {};
    }
    const QString orientation = page.value(key("orientation")).toString(QStringLiteral("portrait"));
    if (orientation != QLatin1String("portrait") && orientation != QLatin1String("landscape")) {
        err = QStringLiteral("page: orientation \"%1\" is not portrait or landscape").arg(orientation);
        return {};
    }
    brief.page.orientation =
        orientation == QLatin1String("landscape") ? QPageLayout::Landscape : QPageLayout::Portrait;
    const QString preset = page.value(key("preset")).toString();
    if (!preset.isEmpty() && preset != QLatin1String("custom") && !briefPresetDpi(preset)) {
        err = QStringLiteral("page: preset \"%1\" is not screen, print or custom").arg(preset);
        return {};
    }
    brief.page.dpi = page.contains(key("dpi")) ? page.value(key("dpi")).toInt()
                     : briefPresetDpi(preset)  ? briefPresetDpi(preset)
                                               : 150;
    if (preset != QLatin1String("custom") && briefPresetDpi(preset))
        brief.page.dpi = briefPresetDpi(preset);
    if (brief.page.dpi < 36 || brief.page.dpi > 1200) {
        err = QStringLiteral("page: dpi %1 is outside 36–1200").arg(brief.page.dpi);
        return {};
    }
    brief.page.marginMm = std::clamp(page.value(key("marginMm")).toDouble(18), 5.0, 50.0);

    const QJsonArray blocks = o.value(key("blocks")).toArray();
    for (int i = 0; i < blocks.size(); ++i) {
        const QJsonObject b = blocks[i].toObject();
        const QString where = QStringLiteral("block %1").arg(i + 1);
        BriefBlock block;
        const QString kind = b.value(key("kind")).toString();
        if (!briefBlockKindFromKey(kind, &block.kind)) {
            err = where + QStringLiteral(": unknown kind \"%1\"").arg(kind);
            return {};
        }
        block.heading = b.value(key("heading")).toString();
        block.text = b.value(key("text")).toString();
        if (block.kind == BriefBlock::Kind::Figure &&
            !figureFromJson(b.value(key("figure")).toObject(), &block.figure, where, &err))
            return {};
        block.eventTypes = toStringList(b.value(key("eventTypes")));
        if (block.kind == BriefBlock::Kind::VesselsInImage) {
            block.image = b.value(key("image")).toInt(1);
            if (block.image < 1) {
                err = where + QStringLiteral(": image %1 is not a number from 1").arg(block.image);
                return {};
            }
        }
        for (const QString &t : std::as_const(block.eventTypes)) {
            if (!eventTypeFromKey(t)) {
                err = where + QStringLiteral(": unknown event type \"%1\"").arg(t);
                return {};
            }
        }
        brief.blocks << block;
    }
    return brief;
}

QStringList builtInBriefTemplates()
{
    return {QStringLiteral("standard"), QStringLiteral("letter")};
}

std::optional<Brief> loadBriefTemplate(const QString &nameOrPath, QString *error)
{
    const QString path = builtInBriefTemplates().contains(nameOrPath)
                             ? QStringLiteral(":/briefs/%1.json").arg(nameOrPath)
                             : nameOrPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the brief template '%1': %2 (built-in templates: %3)")
                     .arg(nameOrPath, file.errorString(), builtInBriefTemplates().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("the brief template '%1' is not a JSON object: %2 at byte %3")
                     .arg(nameOrPath, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    QString why;
    Brief brief = briefFromJson(doc.object(), &why);
    if (!why.isEmpty()) {
        *error = QStringLiteral("the brief template '%1': %2").arg(nameOrPath, why);
        return std::nullopt;
    }
    return brief;
}

Brief instantiateBriefTemplate(Brief brief, const QString &projectTitle)
{
    auto fill = [&](QString &text) { text.replace(QLatin1String("{project}"), projectTitle); };
    fill(brief.title);
    fill(brief.subtitle);
    for (QString &j : brief.keyJudgments)
        fill(j);
    for (BriefBlock &b : brief.blocks) {
        fill(b.heading);
        fill(b.text);
        fill(b.figure.caption);
    }
    return brief;
}

} // namespace sightline
