#include "ui/project/missinglayersdialog.h"

#include "project/layerrelocation.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sightline {

MissingLayersDialog::MissingLayersDialog(const QList<ProjectLayer> &missing, const QString &startFolder,
                                         QWidget *parent)
    : QDialog(parent)
    , mMissing(missing)
    , mStartFolder(startFolder)
    , mList(new QTreeWidget(this))
    , mSummary(new QLabel(this))
    , mLocate(new QPushButton(tr("Locate…"), this))
{
    setObjectName(QStringLiteral("missingLayersDialog"));
    setWindowTitle(tr("Layers Not Found"));
    for (int i = 0; i < mMissing.size(); ++i)
        mFound << QString();
    auto *intro = new QLabel(tr("These layers of the project are no longer where it says. Locate one, and "
                                "the others are looked for in the same folder tree. Layers not located are "
                                "skipped and stay in the project."),
                             this);
    intro->setWordWrap(true);
    mList->setObjectName(QStringLiteral("missingLayersList"));
    mList->setRootIsDecorated(false);
    mList->setColumnCount(3);
    mList->setHeaderLabels({tr("Layer"), tr("Was at"), tr("Now")});
    mList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int i = 0; i < mMissing.size(); ++i) {
        auto *item = new QTreeWidgetItem(mList);
        item->setText(0, mMissing[i].name);
        item->setText(1, mMissing[i].source);
        updateRow(i);
    }
    mList->setCurrentItem(mList->topLevelItem(0));
    mLocate->setObjectName(QStringLiteral("locateButton"));
    mSummary->setObjectName(QStringLiteral("missingLayersSummary"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    buttons->addButton(mLocate, QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Continue"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mLocate, &QPushButton::clicked, this, &MissingLayersDialog::locateCurrent);
    connect(mList, &QTreeWidget::itemDoubleClicked, this, &MissingLayersDialog::locateCurrent);
    connect(mList, &QTreeWidget::currentItemChanged, this, [this] {
        const int row = mList->indexOfTopLevelItem(mList->currentItem());
        mLocate->setEnabled(row >= 0 && mFound.value(row).isEmpty());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(mList);
    layout->addWidget(mSummary);
    layout->addWidget(buttons);
    resize(760, 320);
    updateSummary();
}

int MissingLayersDialog::setLocation(int row, const QString &found)
{
    if (row < 0 || row >= mMissing.size())
        return 0;
    mFound[row] = found;
    updateRow(row);
    int more = 0;
    for (int i = 0; i < mMissing.size(); ++i) {
        if (!mFound[i].isEmpty())
            continue;
        const QString there = relocatedPath(mMissing[i].source, mMissing[row].source, found);
        if (there.isEmpty())
            continue;
        mFound[i] = there;
        updateRow(i);
        ++more;
    }
    updateSummary();
    // On to the next one still missing.
    for (int i = 0; i < mMissing.size(); ++i)
        if (mFound[i].isEmpty()) {
            mList->setCurrentItem(mList->topLevelItem(i));
            break;
        }
    return more;
}

void MissingLayersDialog::locateCurrent()
{
    const int row = mList->indexOfTopLevelItem(mList->currentItem());
    if (row < 0 || !mFound[row].isEmpty())
        return;
    const QString name = QFileInfo(mMissing[row].source).fileName();
    const QString found = QFileDialog::getOpenFileName(this, tr("Locate %1").arg(name), mStartFolder,
                                                       tr("%1 (%1);;All files (*)").arg(name));
    if (found.isEmpty())
        return;
    mStartFolder = QFileInfo(found).absolutePath();
    setLocation(row, QFileInfo(found).absoluteFilePath());
}

void MissingLayersDialog::updateRow(int row)
{
    QTreeWidgetItem *item = mList->topLevelItem(row);
    if (!item)
        return;
    item->setText(2, mFound[row].isEmpty() ? tr("not found") : mFound[row]);
    item->setForeground(2, mFound[row].isEmpty() ? QColor(176, 32, 32) : palette().text().color());
}

void MissingLayersDialog::updateSummary()
{
    const auto left = std::count(mFound.begin(), mFound.end(), QString());
    mSummary->setText(left == 0 ? tr("Every layer was found.")
                                : tr("%n layer(s) still missing: they will be skipped and kept in the project.",
                                     nullptr, int(left)));
    const int row = mList->indexOfTopLevelItem(mList->currentItem());
    mLocate->setEnabled(row >= 0 && mFound.value(row).isEmpty());
}

} // namespace sightline
