#include "util/credentials.h"

#include <QRegularExpression>

namespace sightline {

namespace {

// A conninfo value is a word or a single-quoted string with backslash escapes.
const QRegularExpression &pgPassword()
{
    static const QRegularExpression re(
        QStringLiteral("(^|[\\s:])password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// The same with the space after it, so that removing it leaves one separator.
const QRegularExpression &pgPasswordAndSpace()
{
    static const QRegularExpression re(
        QStringLiteral("(^|[\\s:])password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S+)(?:\\s+|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// "scheme://user:password@" or "scheme://token@" before a host.
const QRegularExpression &urlUserInfo()
{
    static const QRegularExpression re(QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://)([^/@\\s?#]+)@"));
    return re;
}

// A query parameter (or a conninfo-like key) whose value is a credential.
const QRegularExpression &secretParameter()
{
    static const QRegularExpression re(
        QStringLiteral("([?&;])((?:access_?token|token|api_?key|apikey|key|secret|client_secret|password|"
                       "passwd|pwd|sig|signature|auth|authorization|x-amz-signature|x-amz-credential|"
                       "x-amz-security-token|sas)=)([^&#\\s\"'<]*)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

} // namespace

QString redactSecrets(const QString &text)
{
    QString out = text;
    out.replace(pgPassword(), QStringLiteral("\\1password=***"));
    out.replace(urlUserInfo(), QStringLiteral("\\1***@"));
    out.replace(secretParameter(), QStringLiteral("\\1\\2***"));
    return out;
}

QString stripSecrets(const QString &source)
{
    QString stripped = source.trimmed();
    stripped.replace(pgPasswordAndSpace(), QStringLiteral("\\1"));
    stripped.replace(urlUserInfo(), QStringLiteral("\\1"));
    // Drop whole parameters; one that opened the query ("?") hands the "?" to the next.
    QString out;
    qsizetype last = 0;
    bool openQuery = false;
    auto keep = [&](QString text) {
        if (openQuery && !text.isEmpty()) {
            if (text.front() == QLatin1Char('&') || text.front() == QLatin1Char(';'))
                text.front() = QLatin1Char('?');
            openQuery = false;
        }
        out += text;
    };
    auto matches = secretParameter().globalMatch(stripped);
    while (matches.hasNext()) {
        const auto m = matches.next();
        keep(stripped.mid(last, m.capturedStart() - last));
        openQuery = openQuery || m.captured(1) == QLatin1String("?");
        last = m.capturedEnd();
    }
    keep(stripped.mid(last));
    return out.trimmed();
}

bool hasSecrets(const QString &source)
{
    return stripSecrets(source) != source.trimmed();
}

} // namespace sightline
