#include "ui/shell/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <functional>

namespace sightline {

namespace {

QString keysText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &k : action->shortcuts())
        keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
    , mWindow(window)
    , mFilter(new QLineEdit(this))
    , mTree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    mFilter->setObjectName(QStringLiteral("shortcutFilter"));
    mFilter->setPlaceholderText(tr("Filter by action, key or menu"));
    mFilter->setClearButtonEnabled(true);
    connect(mFilter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    mTree->setObjectName(QStringLiteral("shortcutTree"));
    mTree->setColumnCount(2);
    mTree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    mTree->setRootIsDecorated(false);
    mTree->setUniformRowHeights(true);
    mTree->setSelectionMode(QAbstractItemView::NoSelection);
    mTree->setFocusPolicy(Qt::NoFocus);
    mTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    mTree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    mTree->header()->setStretchLastSection(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mFilter);
    layout->addWidget(mTree);
    layout->addWidget(buttons);
    resize(520, 640);
}

ShortcutsDialog *ShortcutsDialog::showFor(QMainWindow *window)
{
    auto *dialog = window->findChild<ShortcutsDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog)
        dialog = new ShortcutsDialog(window);
    dialog->refresh();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    dialog->mFilter->setFocus();
    dialog->mFilter->selectAll();
    return dialog;
}

QString ShortcutsDialog::plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i;
        plain += text.at(i);
    }
    return plain;
}

void ShortcutsDialog::refresh()
{
    // The menus give each action its group and its order: the one the analyst knows from the menu.
    QList<QAction *> ordered;
    QHash<QAction *, QString> groupOf;
    QStringList groups;
    const auto place = [&](QAction *a, const QString &group) {
        if (!groupOf.contains(a)) {
            groupOf.insert(a, group);
            ordered << a;
        }
    };
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &group) {
        for (QAction *a : menu->actions()) {
            if (QMenu *sub = a->menu())
                walk(sub, group);
            else
                place(a, group);
        }
    };
    for (QAction *top : mWindow->menuBar()->actions())
        if (QMenu *menu = top->menu()) {
            groups << plainText(top->text());
            walk(menu, groups.last());
        }
    const QString tools = tr("Tools");
    groups << tools;
    for (QToolBar *bar : mWindow->findChildren<QToolBar *>())
        for (QAction *a : bar->actions())
            place(a, tools);
    for (QAction *a : mWindow->findChildren<QAction *>())
        place(a, tools);

    mTree->clear();
    QHash<QString, QTreeWidgetItem *> groupItems;
    QFont bold = mTree->font();
    bold.setBold(true);
    for (const QString &group : std::as_const(groups)) {
        auto *item = new QTreeWidgetItem(mTree, {group});
        item->setFont(0, bold);
        item->setFlags(Qt::ItemIsEnabled);
        item->setFirstColumnSpanned(true);
        groupItems.insert(group, item);
    }
    for (QAction *a : std::as_const(ordered)) {
        const QString text = plainText(a->text());
        if (a->isSeparator() || a->shortcuts().isEmpty() || text.isEmpty())
            continue;
        auto *row = new QTreeWidgetItem(groupItems.value(groupOf.value(a)), {text, keysText(a)});
        row->setToolTip(0, a->toolTip());
        row->setFlags(Qt::ItemIsEnabled);
    }
    for (QTreeWidgetItem *item : std::as_const(groupItems))
        if (item->childCount() == 0)
            delete item;
    mTree->expandAll();
    applyFilter();
}

void ShortcutsDialog::applyFilter()
{
    const QString needle = mFilter->text().trimmed();
    for (int g = 0; g < mTree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = mTree->topLevelItem(g);
        const bool groupMatches = group->text(0).contains(needle, Qt::CaseInsensitive);
        bool any = false;
        for (int r = 0; r < group->childCount(); ++r) {
            QTreeWidgetItem *row = group->child(r);
            const bool show = groupMatches || row->text(0).contains(needle, Qt::CaseInsensitive) ||
                              row->text(1).contains(needle, Qt::CaseInsensitive);
            row->setHidden(!show);
            any = any || show;
        }
        group->setHidden(!any);
    }
}

} // namespace sightline
