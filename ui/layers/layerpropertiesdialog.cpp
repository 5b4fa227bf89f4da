#include "ui/layers/layerpropertiesdialog.h"

#include "layers/layer.h"
#include "layers/tracklayer.h"
#include "util/credentials.h"
#include "util/gdalutil.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

LayerPropertiesDialog::LayerPropertiesDialog(const Layer &layer, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Layer Properties – %1").arg(layer.name()));
    setObjectName(QStringLiteral("layerPropertiesDialog"));
    const QList<LayerProperty> props = layer.properties();
    auto *table = new QTableWidget(int(props.size()), 2, this);
    table->setObjectName(QStringLiteral("propertiesTable"));
    table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    for (int row = 0; row < props.size(); ++row) {
        // Metadata can quote service URLs too: no credentials on screen.
        const QString value = props[row].first == QLatin1String("Source") ? describeSource(props[row].second)
                                                                           : redactSecrets(props[row].second);
        table->setItem(row, 0, new QTableWidgetItem(props[row].first));
        auto *item = new QTableWidgetItem(value);
        item->setToolTip(value);
        table->setItem(row, 1, item);
    }
    table->resizeColumnToContents(0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);

    const auto *tracks = dynamic_cast<const TrackLayer *>(&layer);
    if (tracks) {
        // The same two rules, in the same units, as File → Export Case and `--generalize`/`--min-interval`.
        auto *display = new QGroupBox(tr("Display"), this);
        display->setObjectName(QStringLiteral("trackDisplay"));
        auto *form = new QFormLayout(display);
        const GeneralizeParameters &now = tracks->style().generalize;
        mTolerance = new QDoubleSpinBox(display);
        mTolerance->setObjectName(QStringLiteral("simplifyTolerance"));
        mTolerance->setRange(0, 100000);
        mTolerance->setDecimals(0);
        mTolerance->setSuffix(tr(" m"));
        mTolerance->setSpecialValueText(tr("Off"));
        mTolerance->setValue(now.toleranceM);
        mTolerance->setToolTip(tr("Douglas-Peucker: the lines leave out the positions closer than this to "
                                  "the line through the positions kept. Dots are drawn at the positions "
                                  "kept; Identify and the analyses still use every position."));
        form->addRow(tr("Simplify lines &within:"), mTolerance);
        mMinInterval = new QSpinBox(display);
        mMinInterval->setObjectName(QStringLiteral("simplifyMinInterval"));
        mMinInterval->setRange(0, 24 * 3600);
        mMinInterval->setSuffix(tr(" s"));
        mMinInterval->setSpecialValueText(tr("Off"));
        mMinInterval->setValue(int(std::min<std::int64_t>(now.minIntervalMs / 1000, 24 * 3600)));
        mMinInterval->setToolTip(tr("Keep a position only this long after the last one kept; both ends of "
                                    "a silence are always kept, so silences are drawn as before."));
        form->addRow(tr("Minimum &interval:"), mMinInterval);
        layout->addWidget(display);
    }
    auto *buttons = new QDialogButtonBox(
        tracks ? QDialogButtonBox::Ok | QDialogButtonBox::Cancel : QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 480);
}

GeneralizeParameters LayerPropertiesDialog::generalize() const
{
    GeneralizeParameters p;
    if (mTolerance)
        p.toleranceM = mTolerance->value();
    if (mMinInterval)
        p.minIntervalMs = std::int64_t(mMinInterval->value()) * 1000;
    return p;
}

} // namespace sightline
