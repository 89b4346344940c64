package io.creditflow.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintEventRepository extends JpaRepository<ComplaintEvent, String> {

  List<ComplaintEvent> findByComplaintIdOrderByOccurredAtAscIdAsc(String complaintId);
}
