package io.creditflow.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, String> {

  @Query("select c from Customer c where c.nationalIdHash = :nationalIdHash")
  Optional<Customer> findByNationalIdHash(String nationalIdHash);
}
