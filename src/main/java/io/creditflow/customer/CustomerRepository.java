package io.creditflow.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, String> {

  Optional<Customer> findByNationalIdHash(String nationalIdHash);
}
