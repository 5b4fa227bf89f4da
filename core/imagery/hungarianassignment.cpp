#include "imagery/hungarianassignment.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <tuple>
#include <utility>

namespace sightline {

namespace {

/// Rows 0…rows−1 and columns rows… in one forest: which are joined through pairs.
class UnionFind
{
public:
    explicit UnionFind(int size)
        : mParent(std::size_t(size))
    {
        std::iota(mParent.begin(), mParent.end(), 0);
    }
    int root(int i)
    {
        while (mParent[std::size_t(i)] != i)
            i = mParent[std::size_t(i)] = mParent[std::size_t(mParent[std::size_t(i)])];
        return i;
    }
    // The smaller index becomes the root, so roots (and the groups' order) do not depend on the
    // order pairs are joined in.
    void join(int a, int b)
    {
        a = root(a), b = root(b);
        if (a != b)
            mParent[std::size_t(std::max(a, b))] = std::min(a, b);
    }

private:
    std::vector<int> mParent;
};

struct Edge
{
    int column = 0;
    double cost = 0;
};

/// One connected group, rows and columns numbered from 0; column `columns + r` is row r's own
/// "unmatched" column at cost 1. Returns each row's column (≥ columns: unmatched).
std::vector<int> solveGroup(const std::vector<std::vector<Edge>> &edges, int columns)
{
    const int rows = int(edges.size());
    const int allColumns = columns + rows;
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    // Dual potentials: cost − rowPotential − columnPotential is ≥ 0 on every edge and 0 on the
    // chosen ones, which makes Dijkstra valid on the residual graph.
    std::vector<double> rowPotential(std::size_t(rows), 0.0), columnPotential(std::size_t(allColumns), 0.0);
    std::vector<int> columnOwner(std::size_t(allColumns), -1), rowColumn(std::size_t(rows), -1);
    std::vector<double> distance(std::size_t(allColumns), kInfinity);
    std::vector<int> reachedFrom(std::size_t(allColumns), -1);
    std::vector<char> settled(std::size_t(allColumns), 0);
    std::vector<int> touchedColumns;
    std::vector<std::pair<int, double>> scannedRows;
    using Entry = std::pair<double, int>;

    for (int start = 0; start < rows; ++start) {
        std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
        auto scan = [&](int row, double rowDistance) {
            scannedRows.emplace_back(row, rowDistance);
            auto relax = [&](int column, double cost) {
                if (settled[std::size_t(column)])
                    return;
                const double d = rowDistance + cost - rowPotential[std::size_t(row)] -
                                 columnPotential[std::size_t(column)];
                if (d < distance[std::size_t(column)]) {
                    if (distance[std::size_t(column)] == kInfinity)
                        touchedColumns.push_back(column);
                    distance[std::size_t(column)] = d;
                    reachedFrom[std::size_t(column)] = row;
                    queue.emplace(d, column);
                }
            };
            for (const Edge &e : edges[std::size_t(row)])
                relax(e.column, e.cost);
            relax(columns + row, 1.0);
        };
        scan(start, 0.0);
        int freeColumn = -1;
        double pathLength = 0;
        while (!queue.empty()) {
            const auto [d, column] = queue.top();
            queue.pop();
            if (settled[std::size_t(column)] || d > distance[std::size_t(column)])
                continue;
            settled[std::size_t(column)] = 1;
            const int owner = columnOwner[std::size_t(column)];
            if (owner < 0) {
                freeColumn = column;
                pathLength = d;
                break;
            }
            scan(owner, d);
        }
        // The start row's own column is always free until it takes it, so a path always exists.
        for (const auto &[row, d] : scannedRows)
            rowPotential[std::size_t(row)] += pathLength - d;
        for (const int column : touchedColumns) {
            if (settled[std::size_t(column)])
                columnPotential[std::size_t(column)] -= pathLength - distance[std::size_t(column)];
            distance[std::size_t(column)] = kInfinity;
            settled[std::size_t(column)] = 0;
        }
        touchedColumns.clear();
        scannedRows.clear();
        for (int column = freeColumn;;) {
            const int row = reachedFrom[std::size_t(column)];
            const int previous = rowColumn[std::size_t(row)];
            rowColumn[std::size_t(row)] = column;
            columnOwner[std::size_t(column)] = row;
            if (row == start)
                break;
            column = previous;
        }
    }
    return rowColumn;
}

} // namespace

std::vector<int> assignMaximumScore(int rowCount, int columnCount, std::vector<ScoredPair> pairs)
{
    std::vector<int> assigned(std::size_t(std::max(rowCount, 0)), -1);
    std::erase_if(pairs, [&](const ScoredPair &p) {
        return !(p.score > 0) || p.row < 0 || p.row >= rowCount || p.column < 0 || p.column >= columnCount;
    });
    // One order whatever the caller's, so equal totals always resolve the same way; of a pair given
    // twice, the higher score is kept.
    std::sort(pairs.begin(), pairs.end(), [](const ScoredPair &a, const ScoredPair &b) {
        return std::tuple(a.row, a.column, -a.score) < std::tuple(b.row, b.column, -b.score);
    });
    pairs.erase(std::unique(pairs.begin(), pairs.end(),
                            [](const ScoredPair &a, const ScoredPair &b) {
                                return a.row == b.row && a.column == b.column;
                            }),
                pairs.end());
    if (pairs.empty())
        return assigned;

    UnionFind groups(rowCount + columnCount);
    for (const ScoredPair &p : pairs)
        groups.join(p.row, rowCount + p.column);

    // Local numbering within each group, in ascending global order.
    std::vector<int> groupOf(std::size_t(rowCount + columnCount), -1), localIndex(groupOf.size(), -1);
    std::vector<std::vector<int>> groupRows, groupColumns;
    for (const ScoredPair &p : pairs) {
        for (const int node : {p.row, rowCount + p.column}) {
            if (groupOf[std::size_t(node)] >= 0)
                continue;
            // The group is kept at the root's entry (the root is in the group itself).
            const int root = groups.root(node);
            int &group = groupOf[std::size_t(root)];
            if (group < 0) {
                group = int(groupRows.size());
                groupRows.emplace_back();
                groupColumns.emplace_back();
            }
            groupOf[std::size_t(node)] = group;
        }
    }
    // Rows in ascending order first (pairs are sorted by row), then columns in ascending order.
    for (int r = 0; r < rowCount; ++r)
        if (groupOf[std::size_t(r)] >= 0) {
            auto &list = groupRows[std::size_t(groupOf[std::size_t(r)])];
            localIndex[std::size_t(r)] = int(list.size());
            list.push_back(r);
        }
    for (int c = 0; c < columnCount; ++c) {
        const int node = rowCount + c;
        if (groupOf[std::size_t(node)] >= 0) {
            auto &list = groupColumns[std::size_t(groupOf[std::size_t(node)])];
            localIndex[std::size_t(node)] = int(list.size());
            list.push_back(c);
        }
    }
    std::vector<std::vector<std::vector<Edge>>> groupEdges(groupRows.size());
    for (std::size_t g = 0; g < groupRows.size(); ++g)
        groupEdges[g].resize(groupRows[g].size());
    for (const ScoredPair &p : pairs) {
        const int g = groupOf[std::size_t(p.row)];
        groupEdges[std::size_t(g)][std::size_t(localIndex[std::size_t(p.row)])].push_back(
            {localIndex[std::size_t(rowCount + p.column)], 1.0 - std::min(p.score, 1.0)});
    }
    for (std::size_t g = 0; g < groupRows.size(); ++g) {
        const int columns = int(groupColumns[g].size());
        const std::vector<int> chosen = solveGroup(groupEdges[g], columns);
        for (std::size_t r = 0; r < chosen.size(); ++r)
            if (chosen[r] < columns)
                assigned[std::size_t(groupRows[g][r])] = groupColumns[g][std::size_t(chosen[r])];
    }
    return assigned;
}

} // namespace sightline
