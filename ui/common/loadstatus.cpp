#include "ui/common/loadstatus.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace sightline {

LoadStatus::LoadStatus(QStatusBar *statusBar, QWidget *window)
    : QObject(window)
    , mStatusBar(statusBar)
    , mWindow(window)
    , mBusy(new QProgressBar(window))
    , mImport(new QProgressBar(window))
    , mCancel(new QToolButton(window))
{
    mBusy->setObjectName(QStringLiteral("progressBar"));
    mBusy->setRange(0, 0);
    mBusy->setMaximumWidth(120);
    mBusy->setMaximumHeight(14);
    mBusy->hide();
    mImport->setObjectName(QStringLiteral("importProgress"));
    mImport->setRange(0, 1000);
    mImport->setMaximumWidth(160);
    mImport->setMaximumHeight(14);
    mImport->setFormat(tr("importing %p%"));
    mImport->hide();
    mCancel->setObjectName(QStringLiteral("cancelImport"));
    mCancel->setText(tr("Cancel"));
    mCancel->setAutoRaise(true);
    mCancel->hide();
    connect(mCancel, &QToolButton::clicked, this, &LoadStatus::cancelImports);
}

void LoadStatus::begin(int count, const QString &message)
{
    mPending += count;
    mBusy->show();
    mStatusBar->showMessage(message);
}

void LoadStatus::finishOne()
{
    if (--mPending == 0) {
        mBusy->hide();
        mStatusBar->clearMessage();
    }
}

void LoadStatus::renderStarted()
{
    mBusy->show();
}

void LoadStatus::renderFinished()
{
    if (!isLoading())
        mBusy->hide();
}

void LoadStatus::showImport(const std::shared_ptr<std::atomic<bool>> &cancel)
{
    mCancelFlag = cancel;
    mImport->setValue(0);
    mImport->show();
    mCancel->show();
}

void LoadStatus::hideImport(const std::shared_ptr<std::atomic<bool>> &cancel)
{
    // A later import may own the bar by now: only its own end hides it.
    if (mCancelFlag != cancel)
        return;
    mImport->hide();
    mCancel->hide();
    mCancelFlag.reset();
}

void LoadStatus::setImportProgress(int value)
{
    mImport->setValue(value);
}

void LoadStatus::cancelImports()
{
    if (mCancelFlag)
        *mCancelFlag = true;
}

void LoadStatus::keepReport(const QString &report)
{
    if (!report.isEmpty())
        mLastReport = report;
}

void LoadStatus::showReport()
{
    auto *dialog = new QDialog(mWindow);
    dialog->setObjectName(QStringLiteral("importReportDialog"));
    dialog->setWindowTitle(tr("Import Report"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *text = new QPlainTextEdit(mLastReport, dialog);
    text->setObjectName(QStringLiteral("importReportText"));
    text->setReadOnly(true);
    // The summary is prose: wrapped to the window, never run off its edge.
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(760, 360);
    dialog->show();
}

} // namespace sightline
