package org.chokepoint.product;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductService products;

	ProductController(ProductService products) {
		this.products = products;
	}

	@Operation(summary = "Products by name with their kind, paged (JSON or CSV)")
	@GetMapping
	Paged<ProductSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.products.list(Paging.of(page, size));
	}

	@Operation(summary = "A product: its bill of materials and its manufacturers")
	@GetMapping("/{id}")
	ProductDetails details(@PathVariable String id) {
		return this.products.details(id);
	}

}
