#include "ui/layers/rasterstylepanel.h"

#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "project/layerhistory.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

#include <cmath>

namespace sightline {

namespace {
enum Display
{
    Stretched = 0,
    BackscatterDb = 1
};
} // namespace

RasterStylePanel::RasterStylePanel(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mDisplay(new QComboBox(this))
    , mValues(new QComboBox(this))
    , mMinDb(new QDoubleSpinBox(this))
    , mMaxDb(new QDoubleSpinBox(this))
    , mReset(new QPushButton(tr("Reset to 2–98 %"), this))
    , mNote(new QLabel(this))
{
    setObjectName(QStringLiteral("rasterStylePanel"));
    mDisplay->setObjectName(QStringLiteral("rasterDisplay"));
    mDisplay->addItem(tr("Stretched values"), int(Stretched));
    mDisplay->addItem(tr("Backscatter (dB)"), int(BackscatterDb));
    mDisplay->setToolTip(tr("SAR images span decades of power: shown in dB the sea is grey, not black"));
    mValues->setObjectName(QStringLiteral("rasterValues"));
    mValues->addItem(tr("Amplitude"), true);
    mValues->addItem(tr("Power (intensity, sigma0)"), false);
    mValues->setToolTip(tr("What the pixel values are: dB is 20·log10 of amplitude, 10·log10 of power"));
    for (QDoubleSpinBox *box : {mMinDb, mMaxDb}) {
        box->setRange(-100.0, 100.0);
        box->setDecimals(1);
        box->setSingleStep(0.5);
        box->setSuffix(tr(" dB"));
        box->setKeyboardTracking(false);
    }
    mMinDb->setObjectName(QStringLiteral("rasterMinDb"));
    mMinDb->setToolTip(tr("Backscatter shown black"));
    mMaxDb->setObjectName(QStringLiteral("rasterMaxDb"));
    mMaxDb->setToolTip(tr("Backscatter shown white"));
    mReset->setObjectName(QStringLiteral("rasterResetRange"));
    mNote->setObjectName(QStringLiteral("rasterNote"));
    mNote->setWordWrap(true);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Display"), mDisplay);
    form->addRow(tr("Values"), mValues);
    form->addRow(tr("Black at"), mMinDb);
    form->addRow(tr("White at"), mMaxDb);
    form->addRow(QString(), mReset);
    form->addRow(mNote);

    connect(mDisplay, &QComboBox::currentIndexChanged, this, [this] { apply(false); });
    connect(mValues, &QComboBox::currentIndexChanged, this, [this] { apply(true); });
    connect(mMinDb, &QDoubleSpinBox::valueChanged, this, [this] { apply(false); });
    connect(mMaxDb, &QDoubleSpinBox::valueChanged, this, [this] { apply(false); });
    connect(mReset, &QPushButton::clicked, this, [this] { apply(true); });
    connect(mLayers, &LayerStack::changed, this, [this] {
        if (mLayer && !mLoading)
            load(); // undo and redo put the style back
    });
    setVisible(false);
}

void RasterStylePanel::showLayer(const QString &layerId)
{
    mLayer = std::dynamic_pointer_cast<RasterLayer>(mLayers->find(layerId));
    if (mLayer && mLayer->style().mode != RasterStyle::Mode::Gray)
        mLayer.reset(); // dB applies to one band of backscatter
    setVisible(bool(mLayer));
    if (mLayer)
        load();
}

void RasterStylePanel::load()
{
    mLoading = true;
    const RasterStyle &st = mLayer->style();
    mDisplay->setCurrentIndex(st.decibels ? int(BackscatterDb) : int(Stretched));
    mValues->setCurrentIndex(st.amplitude ? 0 : 1);
    mMinDb->setValue(st.decibelMin);
    mMaxDb->setValue(st.decibelMax);
    for (QWidget *w : {static_cast<QWidget *>(mValues), static_cast<QWidget *>(mMinDb), static_cast<QWidget *>(mMaxDb),
                       static_cast<QWidget *>(mReset)})
        w->setEnabled(st.decibels);
    mNote->setText(mLayer->info().looksLikeSar ? tr("Recognised as SAR imagery from its name and metadata.")
                                               : QString());
    mLoading = false;
}

void RasterStylePanel::apply(bool recomputeRange)
{
    if (mLoading || !mLayer)
        return;
    RasterStyle st = mLayer->style();
    const bool wasDecibels = st.decibels;
    st.decibels = mDisplay->currentData().toInt() == BackscatterDb;
    st.amplitude = mValues->currentData().toBool();
    // The boxes show a tenth of a dB: a value they only rounded is kept as it was.
    auto edited = [](double shown, double kept) { return std::abs(shown - kept) > 0.05 ? shown : kept; };
    st.decibelMin = edited(mMinDb->value(), st.decibelMin);
    st.decibelMax = edited(mMaxDb->value(), st.decibelMax);
    // Switched on for an image not recognised at open, or its values reinterpreted: the range
    // is taken again from the image, as when a SAR image opens.
    if (st.decibels && (recomputeRange || (!wasDecibels && !mLayer->info().looksLikeSar))) {
        double low = 0, high = 0;
        if (mLayer->decibelStretch(st.amplitude, &low, &high)) {
            st.decibelMin = low;
            st.decibelMax = high;
        }
    }
    if (st.decibelMax <= st.decibelMin) {
        // A range upside down would show nothing: keep the edited end and move the other one.
        if (sender() == mMinDb)
            st.decibelMax = st.decibelMin + 1.0;
        else
            st.decibelMin = st.decibelMax - 1.0;
    }
    const QString id = mLayer->id();
    mLoading = true;
    if (mUndo) {
        LayerHistory(mLayers, mUndo).change(id, tr("Restyle layer '%1'").arg(mLayer->name()),
                                            [&st](Layer &l) { static_cast<RasterLayer &>(l).setStyle(st); });
    } else {
        mLayer->setStyle(st);
        mLayers->notifyStyleChanged(id);
    }
    mLoading = false;
    load();
}

} // namespace sightline
