#include "ui/map/measurepanel.h"

#include "layers/layerstack.h"
#include "layers/vectorlayer.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace sightline {

namespace {

/// How much a layer looks like a railway: drawn as one (the style's ticks, in its own symbol or a
/// category's), named as one, or at least made of lines — borders are lines too, so the style and
/// the name come first.
int railwayLikeness(const Layer &layer)
{
    const auto *vector = dynamic_cast<const VectorLayer *>(&layer);
    if (!vector)
        return -1;
    int score = 0;
    const VectorStyle &style = vector->style();
    bool ticks = style.symbol.railway;
    for (const VectorCategory &c : style.categories)
        ticks = ticks || c.symbol.railway;
    if (ticks)
        score += 4;
    static const QStringList railNames = {QStringLiteral("rail"), QStringLiteral("railway"), QStringLiteral("train"),
                                          QStringLiteral("track")};
    for (const QString &word : railNames)
        if (layer.name().contains(word, Qt::CaseInsensitive)) {
            score += 2;
            break;
        }
    return score;
}

} // namespace

MeasurePanel::MeasurePanel(MeasureTool *tool, LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mTool(tool)
    , mLayers(layers)
    , mMode(new QComboBox(this))
    , mLayer(new QComboBox(this))
    , mResult(new QLabel(this))
{
    setObjectName(QStringLiteral("measurePanel"));
    mMode->setObjectName(QStringLiteral("measureMode"));
    // The longest mode's name would widen the panel column: the list shows it whole when open.
    for (QComboBox *combo : {mMode, mLayer}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
    }
    mMode->addItem(tr("Distance along a line"), int(Measurement::Mode::Distance));
    mMode->addItem(tr("Area and perimeter"), int(Measurement::Mode::Area));
    mMode->addItem(tr("Distance to the nearest feature of a layer"), int(Measurement::Mode::Nearest));
    mMode->addItem(tr("Route along a line layer (rail distance)"), int(Measurement::Mode::Route));
    mLayer->setObjectName(QStringLiteral("measureLayer"));
    mResult->setObjectName(QStringLiteral("measureResult"));
    mResult->setWordWrap(true);
    mResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mResult->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *form = new QFormLayout();
    form->addRow(tr("Measure"), mMode);
    form->addRow(tr("Layer"), mLayer);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(form);
    layout->addWidget(mResult, 1);
    connect(mMode, &QComboBox::currentIndexChanged, this, [this] {
        mTool->setMode(Measurement::Mode(mMode->currentData().toInt()));
        mLayer->setEnabled(mTool->measurement().mode == Measurement::Mode::Nearest ||
                           mTool->measurement().mode == Measurement::Mode::Route);
        if (mTool->measurement().mode == Measurement::Mode::Route && !mLayerChosen)
            chooseRailwayLayer();
        applyTarget();
    });
    connect(mLayer, &QComboBox::currentIndexChanged, this, &MeasurePanel::applyTarget);
    // A layer the analyst picked stays picked; until then each mode offers its likeliest layer.
    connect(mLayer, &QComboBox::activated, this, [this] { mLayerChosen = true; });
    connect(mLayers, &LayerStack::changed, this, &MeasurePanel::refreshLayers);
    connect(mTool, &MeasureTool::changed, this, &MeasurePanel::show);
    mLayer->setEnabled(false);
    refreshLayers();
    show(mTool->measurement());
}

void MeasurePanel::refreshLayers()
{
    const QString current = mLayer->currentData().toString();
    mLayer->blockSignals(true);
    mLayer->clear();
    for (auto it = mLayers->layers().crbegin(); it != mLayers->layers().crend(); ++it)
        if ((*it)->kind() == Layer::Kind::Vector)
            mLayer->addItem((*it)->name(), (*it)->id());
    const int i = mLayer->findData(current);
    mLayer->setCurrentIndex(i >= 0 ? i : 0);
    if (mTool->measurement().mode == Measurement::Mode::Route && !mLayerChosen)
        chooseRailwayLayer();
    mLayer->blockSignals(false);
    applyTarget();
}

void MeasurePanel::chooseRailwayLayer()
{
    int best = -1, bestScore = 0;
    for (int i = 0; i < mLayer->count(); ++i)
        if (const auto layer = mLayers->find(mLayer->itemData(i).toString())) {
            const int score = railwayLikeness(*layer);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
    if (best >= 0)
        mLayer->setCurrentIndex(best);
}

void MeasurePanel::applyTarget()
{
    mTool->setTargetLayer(
        std::dynamic_pointer_cast<const VectorLayer>(mLayers->find(mLayer->currentData().toString())));
}

void MeasurePanel::show(const Measurement &m)
{
    QString text;
    auto bearing = [](double deg) { return QStringLiteral("%1°").arg(deg, 0, 'f', 1); };
    switch (m.mode) {
    case Measurement::Mode::Distance:
        if (m.lonLat.empty()) {
            text = tr(
                "Click points on the map; double-click or right-click to finish, Backspace to undo a point, "
                "Esc to start again.");
            break;
        }
        text = tr("<b>Length</b><br>%1").arg(formatDistanceAllUnits(m.lengthMetres));
        if (m.lastBearingDeg >= 0)
            text += tr("<br><b>Last leg</b><br>%1, bearing %2")
                        .arg(formatDistance(m.lastSegmentMetres, DistanceUnit::Kilometres),
                             bearing(m.lastBearingDeg));
        break;
    case Measurement::Mode::Area:
        if (m.lonLat.size() < 3) {
            text = tr("Click the corners of the area; double-click or right-click to finish.");
            break;
        }
        text = tr("<b>Area</b><br>%1 · %2 · %3<br><b>Perimeter</b><br>%4")
                   .arg(formatArea(m.areaSquareMetres, DistanceUnit::Kilometres),
                        formatArea(m.areaSquareMetres, DistanceUnit::NauticalMiles),
                        formatArea(m.areaSquareMetres, DistanceUnit::Miles),
                        formatDistanceAllUnits(m.lengthMetres));
        break;
    case Measurement::Mode::Nearest:
        if (m.lonLat.empty()) {
            text = mLayer->count()
                       ? tr("Click a point: the distance to the nearest feature of the layer is measured.")
                       : tr("Add a vector layer (borders, railways...) to measure to.");
            break;
        }
        text = m.lengthMetres < 0 ? tr("The layer has no features.")
               : m.lengthMetres == 0
                   ? tr("<b>Inside</b> %1").arg(m.nearestName.toHtmlEscaped())
                   : tr("<b>Nearest</b> %1<br>%2<br>bearing %3")
                         .arg(m.nearestName.isEmpty() ? tr("feature") : m.nearestName.toHtmlEscaped(),
                              formatDistanceAllUnits(m.lengthMetres), bearing(m.lastBearingDeg));
        break;
    case Measurement::Mode::Route:
        if (m.lonLat.size() < 2) {
            text =
                tr("Click where the journey starts, then where it ends: the shortest way along the layer's "
                   "lines is found.");
            break;
        }
        text = m.route.empty()
                   ? tr("<b>No route</b><br>%1").arg(m.routeMessage.toHtmlEscaped())
                   : tr("<b>Along the lines</b><br>%1<br><b>Straight</b><br>%2<br><i>%3</i>")
                         .arg(formatDistanceAllUnits(m.lengthMetres),
                              formatDistanceAllUnits(m.straightMetres), m.routeMessage.toHtmlEscaped());
        break;
    }
    mResult->setText(text);
}

QString MeasurePanel::resultText() const
{
    return mResult->text();
}

} // namespace sightline
