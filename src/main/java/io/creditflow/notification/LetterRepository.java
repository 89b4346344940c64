package io.creditflow.notification;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface LetterRepository extends JpaRepository<Letter, String> {

  List<Letter> findByStatusOrderByCreatedAtAscIdAsc(LetterStatus status, Limit limit);
}
