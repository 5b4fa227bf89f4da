#pragma once

#include <QJsonObject>
#include <QList>
#include <QPageLayout>
#include <QPageSize>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sightline {

/// A map figure of a brief: a view of the project with its furniture.
struct BriefFigure
{
    QString view;       ///< a saved view's name: when the project has it, its extent is used
    QRectF extentWgs84; ///< the extent kept with the figure, used when the view is gone or unnamed
                        ///< (neither: the project's current view)
    QString crs = QStringLiteral("EPSG:3857");
    QStringList layers;      ///< names of the layers drawn; empty: every layer visible in the project
    std::int64_t fromMs = 0; ///< time window: sightings and events outside it are not drawn; 0 is open
    std::int64_t toMs = 0;
    double heightMm = 0; ///< 0: the view's shape at the text width, at most 55% of the text height
    QString caption;
    bool callouts = true; ///< numbered callouts on the sightings in view, as the sightings table numbers them
    bool scaleBar = true;
    bool northArrow = true;
    bool legend = true;
    bool graticule = true;
    bool inset = true; ///< a locator map of the wider area with the figure's extent marked
    bool operator==(const BriefFigure &) const = default;
};

/// One block of the brief's body, laid out in order down the pages.
struct BriefBlock
{
    enum class Kind
    {
        Section,        ///< a heading and text
        Figure,         ///< a map figure
        SightingsTable, ///< every sighting, numbered as the callouts are
        EventsTable,    ///< the events of `eventTypes`
        VesselsTable,   ///< the vessels in the tracks and events
        Timeline,       ///< events per vessel over time
        Sources,        ///< every data and imagery file with its SHA-256, provider and acquisition time
        PageBreak,
        VesselsInImage  ///< the vessels detected in one SAR image: a figure of its footprint and a table
    };
    Kind kind = Kind::Section;
    QString heading;
    /// Section text: paragraphs are separated by blank lines; lines starting "- " are bullets.
    QString text;
    BriefFigure figure;
    QStringList eventTypes; ///< events table: the type keys shown ("gap", "port-call", …); empty: all
    /// Vessels in image: which of the project's detection runs (1 = the earliest acquired).
    int image = 1;
    bool operator==(const BriefBlock &) const = default;
};

/// Paper and resolution.
struct BriefPage
{
    QPageSize::PageSizeId size = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    /// Resolution of embedded imagery: "screen" is 150 dpi, "print" 300 dpi; any other value of `dpi` is
    /// "custom".
    int dpi = 150;
    double marginMm = 18;
    bool operator==(const BriefPage &) const = default;
};

/// What leaves the analyst's desk: the brief's definition, stored in the project as JSON
/// and laid out by writeBriefPdf() (briefwriter.h).
struct Brief
{
    QString title;
    QString subtitle;
    QString marking; ///< classification or handling marking, printed at the top and bottom of every page
    QString authors;
    QString date; ///< as printed; empty: the day of the export (SOURCE_DATE_EPOCH when set)
    QStringList keyJudgments;
    QList<BriefBlock> blocks;
    BriefPage page;
    bool operator==(const Brief &) const = default;

    int figureCount() const;
};

/// The resolution presets: "screen" 150 dpi, "print" 300 dpi.
int briefPresetDpi(const QString &preset);
/// "screen", "print" or "custom".
QString briefPresetName(int dpi);

QString briefBlockKindKey(BriefBlock::Kind kind);   ///< "section", "figure", "sightings-table", …
QString briefBlockKindLabel(BriefBlock::Kind kind); ///< "Section", "Figure", "Sightings table", …
bool briefBlockKindFromKey(const QString &key, BriefBlock::Kind *kind);

/// The brief as JSON (times ISO 8601 UTC, the page as "A4"/"Letter" and "portrait"/"landscape").
QJsonObject briefToJson(const Brief &brief);
/// Reads what briefToJson wrote. Unknown keys are ignored; a value of the wrong kind (a block
/// kind no one knows, a page size that is not one) is an error naming it and where it is.
Brief briefFromJson(const QJsonObject &json, QString *error);

/// The templates that ship with Sightline (resources/briefs): "standard" (A4) and "letter".
QStringList builtInBriefTemplates();
/// A template: a built-in's name or a JSON file of briefToJson's shape. "{project}" in its text
/// stands for the project's title. Nothing, with `error` naming the file and the fault, when it cannot be
/// read.
std::optional<Brief> loadBriefTemplate(const QString &nameOrPath, QString *error);
/// The template's text with "{project}" replaced by `projectTitle`.
Brief instantiateBriefTemplate(Brief brief, const QString &projectTitle);

} // namespace sightline
