#pragma once

#include <catch2/catch.hpp>

#include <QPointF>
#include <QRectF>
#include <QString>

// Qt values print readably in failed checks.
namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <> struct StringMaker<QPointF>
{
    static std::string convert(const QPointF &p)
    {
        return "(" + std::to_string(p.x()) + ", " + std::to_string(p.y()) + ")";
    }
};
template <> struct StringMaker<QRectF>
{
    static std::string convert(const QRectF &r)
    {
        return "[x " + std::to_string(r.left()) + ".." + std::to_string(r.right()) + ", y " +
               std::to_string(r.top()) + ".." + std::to_string(r.bottom()) + "]";
    }
};
} // namespace Catch
