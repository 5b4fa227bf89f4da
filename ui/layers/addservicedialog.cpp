#include "ui/layers/addservicedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace sightline {

AddServiceDialog::AddServiceDialog(QWidget *parent)
    : QDialog(parent)
    , mPresets(new QComboBox(this))
    , mUrl(new QLineEdit(this))
    , mAttribution(new QLabel(this))
{
    setWindowTitle(tr("Add Imagery Service"));
    mPresets->addItem(tr("Custom URL"));
    for (const ImageryService &s : imageryServicePresets())
        mPresets->addItem(s.name, s.url);
    mUrl->setPlaceholderText(
        QStringLiteral("https://example.com/tiles/{z}/{x}/{y}.png  or a WMTS capabilities URL"));
    mUrl->setMinimumWidth(520);
    mAttribution->setWordWrap(true);
    auto *form = new QFormLayout();
    form->addRow(tr("Service"), mPresets);
    form->addRow(tr("URL"), mUrl);
    form->addRow(tr("Credit"), mAttribution);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Layer"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mPresets, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index <= 0)
            return;
        const ImageryService s = imageryServicePresets().value(index - 1);
        mUrl->setText(s.url);
        mAttribution->setText(s.attribution);
    });
    connect(mUrl, &QLineEdit::textChanged, this, [this, buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(looksLikeServiceUrl(text));
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Use {z}, {x}, {y} in templates; {-y} for TMS row order. "
                                    "Tiles are cached on disk."),
                                 this));
    layout->addWidget(buttons);
}

QString AddServiceDialog::url() const
{
    return mUrl->text().trimmed();
}

} // namespace sightline
