#pragma once

#include <vector>

namespace sightline {

/// A row (a detection) and a column (a vessel) that may be the same thing, and how well they fit.
struct ScoredPair
{
    int row = 0;
    int column = 0;
    double score = 0; ///< 0–1; pairs at 0 or below are never chosen
};

/// The one-to-one choice of pairs with the largest total score, where any row or column may also
/// be left alone (as if paired at score 0): for each row, its column, or −1.
///
/// The Hungarian method in its shortest-augmenting-path form (Kuhn–Munkres with dual potentials,
/// as Jonker and Volgenant run it), on the given pairs only: each row has a private "unmatched"
/// column at cost 1 beside its pairs at cost 1 − score, so every row is assigned and the least
/// total cost is the largest total score. The pairs are first split into connected groups (rows
/// and columns joined by a pair), each solved alone: a scene's ships far apart never meet in one
/// problem. O(n³) in a group's size at worst, usually far less on sparse pairs. The answer depends
/// only on the pairs, not on their order.
std::vector<int> assignMaximumScore(int rowCount, int columnCount, std::vector<ScoredPair> pairs);

} // namespace sightline
