#pragma once

#include "support/workbenchtest.h"

namespace sightline {
class BriefComposer;
}

/// The brief composer's preview drawn off the UI thread: the window stays responsive while the pages
/// and figures are drawn, the PDF is the one written directly from the same brief, and Cancel or
/// closing the composer stops a preview being drawn.
class TestBriefPreviewWorker : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void theWindowStaysResponsiveAndThePreviewIsTheWrittenPdf();
    void cancelOrClosingTheComposerStopsAPreview();

private:
    /// The case in a new project with a large image under it, and the composer open; the composer.
    sightline::BriefComposer *composeOverLargeImage(const QString &name);

    QByteArray mSourceDateEpoch;
};
