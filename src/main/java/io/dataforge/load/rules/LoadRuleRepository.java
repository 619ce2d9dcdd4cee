package io.dataforge.load.rules;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@code load_rules}: an account's rules, in order. */
@Repository
class LoadRuleRepository {

    private final JdbcTemplate jdbc;

    LoadRuleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<LoadRule> rules(UUID accountId) {
        return jdbc.query("SELECT pattern, dataset FROM load_rules WHERE account_id = ? ORDER BY position",
                (rs, n) -> new LoadRule(rs.getString(1), rs.getString(2)), accountId);
    }

    @Transactional
    void replace(UUID accountId, List<LoadRule> rules) {
        jdbc.update("DELETE FROM load_rules WHERE account_id = ?", accountId);
        for (int i = 0; i < rules.size(); i++) {
            jdbc.update("INSERT INTO load_rules (account_id, position, pattern, dataset) VALUES (?, ?, ?, ?)",
                    accountId, i, rules.get(i).pattern(), rules.get(i).dataset());
        }
    }

}
