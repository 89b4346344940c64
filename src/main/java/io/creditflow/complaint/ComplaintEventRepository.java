package io.creditflow.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ComplaintEventRepository extends JpaRepository<ComplaintEvent, String> {

  List<ComplaintEvent> findByComplaintIdOrderBySequenceNumberAsc(String complaintId);

  long countByComplaintId(String complaintId);
}
