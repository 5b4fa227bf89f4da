#include "imagery/hungarianassignment.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <random>

using namespace sightline;

namespace {

double totalScore(const std::vector<int> &assigned, const std::map<std::pair<int, int>, double> &scores)
{
    double total = 0;
    for (std::size_t r = 0; r < assigned.size(); ++r)
        if (assigned[r] >= 0)
            total += scores.at({int(r), assigned[r]});
    return total;
}

/// Every one-to-one choice (each row: one of its pairs or nothing), for small problems.
double bestByTrying(int rows, int columns, const std::map<std::pair<int, int>, double> &scores)
{
    std::vector<char> used(std::size_t(columns), 0);
    std::function<double(int)> best = [&](int row) -> double {
        if (row == rows)
            return 0.0;
        double result = best(row + 1);
        for (int c = 0; c < columns; ++c) {
            const auto it = scores.find({row, c});
            if (it == scores.end() || used[std::size_t(c)])
                continue;
            used[std::size_t(c)] = 1;
            result = std::max(result, it->second + best(row + 1));
            used[std::size_t(c)] = 0;
        }
        return result;
    };
    return best(0);
}

} // namespace

TEST_CASE("The assignment finds the largest total score, as trying every choice does", "[imagery][hungarian]")
{
    std::mt19937 random(21);
    for (int trial = 0; trial < 300; ++trial) {
        const int rows = 1 + int(random() % 6), columns = 1 + int(random() % 6);
        std::map<std::pair<int, int>, double> scores;
        std::vector<ScoredPair> pairs;
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < columns; ++c)
                if (random() % 3 != 0) {
                    const double s = std::uniform_real_distribution<double>(0.01, 1.0)(random);
                    scores[{r, c}] = s;
                    pairs.push_back({r, c, s});
                }
        const std::vector<int> assigned = assignMaximumScore(rows, columns, pairs);
        REQUIRE(assigned.size() == std::size_t(rows));
        std::vector<int> taken;
        for (const int c : assigned)
            if (c >= 0) {
                REQUIRE(std::find(taken.begin(), taken.end(), c) == taken.end());
                taken.push_back(c);
            }
        INFO("trial " << trial << ", " << rows << " × " << columns);
        CHECK(totalScore(assigned, scores) == Approx(bestByTrying(rows, columns, scores)).margin(1e-9));
    }
}

TEST_CASE("The assignment takes the better total, not the best pair first", "[imagery][hungarian]")
{
    // Greedy by score takes (0, 1) at 0.95 and is left with (1, 0) at 0.1; the best total is 1.7.
    const std::vector<int> assigned =
        assignMaximumScore(2, 2, {{0, 0, 0.8}, {0, 1, 0.95}, {1, 1, 0.9}, {1, 0, 0.1}});
    CHECK(assigned == std::vector<int>{0, 1});
}

TEST_CASE("The assignment leaves rows without pairs, ignores empty ones, and does not depend on order",
          "[imagery][hungarian]")
{
    std::vector<ScoredPair> pairs{{0, 2, 0.5}, {2, 2, 0.6}, {2, 0, 0.0}, {3, 1, 0.4}, {1, 1, -0.2}};
    const std::vector<int> assigned = assignMaximumScore(4, 3, pairs);
    CHECK(assigned == std::vector<int>{-1, -1, 2, 1});
    std::reverse(pairs.begin(), pairs.end());
    CHECK(assignMaximumScore(4, 3, pairs) == assigned);
    // Two equal totals: the same answer whatever order the pairs come in.
    const std::vector<ScoredPair> tie{{0, 0, 0.5}, {0, 1, 0.5}, {1, 0, 0.5}, {1, 1, 0.5}};
    const std::vector<int> first = assignMaximumScore(2, 2, tie);
    std::vector<ScoredPair> shuffled = tie;
    std::mt19937 random(4);
    for (int i = 0; i < 10; ++i) {
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        CHECK(assignMaximumScore(2, 2, shuffled) == first);
    }
}
