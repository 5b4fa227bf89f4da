#include "ui/project/sourceconsentdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace sightline {

SourceConsentDialog::SourceConsentDialog(const QString &projectName, const QStringList &hosts,
                                         const QStringList &files, const QStringList &layerNames,
                                         QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sourceConsentDialog"));
    setWindowTitle(tr("Allow Project Access"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("<b>%1</b> has layers (%2) that need your permission. A project from someone else can "
           "use its layers to reveal your area of interest to a server, or to read files on this machine.")
            .arg(projectName.toHtmlEscaped(), layerNames.join(QStringLiteral(", ")).toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto addList = [&](const QString &heading, const QStringList &items, const QString &name) {
        if (items.isEmpty())
            return;
        layout->addWidget(new QLabel(heading, this));
        auto *list = new QListWidget(this);
        list->setObjectName(name);
        list->addItems(items);
        list->setMaximumHeight(qMin(6, int(items.size())) * list->sizeHintForRow(0) + 2 * list->frameWidth() + 4);
        layout->addWidget(list);
    };
    addList(tr("This project wants to contact:"), hosts, QStringLiteral("consentHosts"));
    addList(tr("This project wants to read files outside its folder:"), files, QStringLiteral("consentFiles"));
    auto *note = new QLabel(tr("If you do not allow it, those layers are not opened; they stay in the project."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *allow = buttons->addButton(tr("Allow"), QDialogButtonBox::AcceptRole);
    allow->setObjectName(QStringLiteral("consentAllow"));
    QPushButton *deny = buttons->addButton(tr("Don't Allow"), QDialogButtonBox::RejectRole);
    deny->setObjectName(QStringLiteral("consentDeny"));
    deny->setDefault(true); // Enter must not grant access
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

} // namespace sightline
